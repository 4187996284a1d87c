package dev.hoist.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A ConfigMap or Secret a pod needs (env, envFrom, volumes) that the overlay does not define and
 * nothing in it produces (an ExternalSecret's target, a SealedSecret).
 */
final class MissingConfig extends BaseRule {
  MissingConfig() {
    super(
        "missing-config",
        Severity.ERROR,
        "a pod needs a ConfigMap or Secret the overlay does not define",
        "The pod fails to start (CreateContainerConfigError) in every environment where nobody"
            + " created the object by hand; a namePrefix or a generator's hash applied in one"
            + " overlay only causes the same.",
        "Define it in the overlay (a generator, a SOPS-encrypted Secret), produce it with an"
            + " ExternalSecret or SealedSecret, or mark the reference optional: true.");
  }

  @Override
  public List<Finding> check(LintedOverlay overlay) {
    List<Finding> out = new ArrayList<>();
    for (Map<String, Object> o : overlay.objects()) {
      if (!K8s.WORKLOADS.contains(K8s.kind(o))) {
        continue;
      }
      String namespace = K8s.namespace(o);
      Set<String> configMaps = names(overlay, namespace, "ConfigMap");
      Set<String> secrets = names(overlay, namespace, "Secret");
      for (Ref ref : refs(o)) {
        Set<String> defined = ref.kind().equals("ConfigMap") ? configMaps : secrets;
        if (!ref.optional() && !defined.contains(ref.name())) {
          out.add(
              overlay.finding(
                  this,
                  o,
                  ref.path(),
                  ref.kind() + " " + ref.name() + " is not defined or produced in the overlay"));
        }
      }
    }
    return out;
  }

  /** The names of {@code kind} the overlay defines or produces in {@code namespace}. */
  private static Set<String> names(LintedOverlay overlay, String namespace, String kind) {
    Set<String> out = new TreeSet<>();
    for (Map<String, Object> o : overlay.objects()) {
      if (!Objects.equals(K8s.namespace(o), namespace)) {
        continue;
      }
      String k = K8s.kind(o);
      if (k.equals(kind)) {
        out.add(K8s.name(o));
      } else if (kind.equals("Secret") && k.equals("SealedSecret")) {
        out.add(K8s.name(o));
      } else if (kind.equals("Secret") && k.equals("ExternalSecret")) {
        Object target = K8s.map(K8s.map(o.get("spec")).get("target")).get("name");
        out.add(target != null ? String.valueOf(target) : K8s.name(o));
      }
    }
    return out;
  }

  record Ref(String kind, String name, boolean optional, List<Object> path) {}

  private static List<Ref> refs(Map<String, Object> o) {
    List<Ref> out = new ArrayList<>();
    for (K8s.Container c : K8s.containers(o)) {
      List<Object> envFrom = K8s.list(c.fields().get("envFrom"));
      for (int i = 0; i < envFrom.size(); i++) {
        Map<String, Object> from = K8s.map(envFrom.get(i));
        add(
            out,
            "ConfigMap",
            K8s.map(from.get("configMapRef")),
            c.at("envFrom", i, "configMapRef"));
        add(out, "Secret", K8s.map(from.get("secretRef")), c.at("envFrom", i, "secretRef"));
      }
      List<Object> env = K8s.list(c.fields().get("env"));
      for (int i = 0; i < env.size(); i++) {
        Map<String, Object> valueFrom = K8s.map(K8s.map(env.get(i)).get("valueFrom"));
        add(
            out,
            "ConfigMap",
            K8s.map(valueFrom.get("configMapKeyRef")),
            c.at("env", i, "valueFrom", "configMapKeyRef"));
        add(
            out,
            "Secret",
            K8s.map(valueFrom.get("secretKeyRef")),
            c.at("env", i, "valueFrom", "secretKeyRef"));
      }
    }
    List<Object> volumes = K8s.list(K8s.podSpec(o).get("volumes"));
    for (int i = 0; i < volumes.size(); i++) {
      Map<String, Object> volume = K8s.map(volumes.get(i));
      List<Object> path = new ArrayList<>(K8s.podSpecPath(o));
      path.addAll(List.of("volumes", i));
      add(out, "ConfigMap", K8s.map(volume.get("configMap")), path);
      Map<String, Object> secret = K8s.map(volume.get("secret"));
      if (!secret.isEmpty()) {
        out.add(
            new Ref(
                "Secret",
                K8s.str(secret.get("secretName")),
                "true".equals(String.valueOf(secret.get("optional"))),
                path));
      }
    }
    out.removeIf(r -> r.name() == null);
    return out;
  }

  private static void add(List<Ref> out, String kind, Map<String, Object> ref, List<Object> path) {
    if (!ref.isEmpty()) {
      out.add(
          new Ref(
              kind,
              K8s.str(ref.get("name")),
              "true".equals(String.valueOf(ref.get("optional"))),
              path));
    }
  }
}
