package dev.hoist.kustomize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code generators:} field: built-in generator plugin configs ({@link PluginConfigs} reads
 * them), run after the kustomization's own generators.
 */
final class PluginGenerators {
  private PluginGenerators() {}

  /**
   * The {@code generators:} field holding built-in {@code ConfigMapGenerator} and {@code
   * SecretGenerator} configs, run after the kustomization's own generators: each takes its name and
   * namespace from its top level or else its {@code metadata}, and none of the kustomization's
   * {@code generatorOptions} (kustomize's plugin configs do not read them).
   */
  static void run(
      Loader loader,
      Map<String, Object> k,
      List<Res> resources,
      String where,
      Origins origins,
      PluginConfigs.Subtree subtree) {
    List<Object> entries = Tree.listField(k, "generators", where);
    if (entries.isEmpty()) {
      return;
    }
    for (Object entry : entries) {
      for (PluginConfigs.Plugin found :
          PluginConfigs.configs(loader, String.valueOf(entry), where, "generators", subtree)) {
        Map<String, Object> plugin = found.config();
        Origins tracked = found.origins(origins, where);
        String kind = String.valueOf(plugin.get("kind"));
        String at = where + ": generators: " + kind;
        PluginConfigs.builtin(plugin, at);
        boolean secret = kind.equals("SecretGenerator");
        if (kind.equals("IAMPolicyGenerator")) {
          Res account = iamServiceAccount(PluginTypes.decode(kind, plugin, at), at);
          if (tracked != null) {
            tracked.generated(account, kind);
          }
          Builder.addAll(resources, List.of(account), at);
          continue;
        }
        if (!secret && !kind.equals("ConfigMapGenerator")) {
          throw RenderException.unsupported(
              at + " is not supported by the embedded engine; use --engine kustomize");
        }
        plugin = PluginTypes.decode(kind, plugin, at);
        Map<String, Object> meta = Tree.mapField(plugin, "metadata", at);
        Map<String, Object> args =
            PluginConfigs.only(
                plugin, "behavior", "literals", "files", "envs", "env", "options", "type");
        for (String key : List.of("name", "namespace")) {
          Object own = plugin.get(key);
          args.put(key, own == null || "".equals(own) ? meta.get(key) : own);
        }
        Generators.generate(loader, args, Map.of(), secret, resources, at, tracked);
      }
    }
  }

  /**
   * kustomize's IAMPolicyGenerator: for GKE (the only cloud it knows), a ServiceAccount named as
   * the Kubernetes service, bound to the Google service account by its annotation.
   */
  private static Res iamServiceAccount(Map<String, Object> args, String at) {
    String cloud = Tree.string(args, "cloud", at);
    if (!"gke".equals(cloud)) {
      throw new RenderException(at + ": cloud provider " + cloud + " not supported yet");
    }
    Map<String, Object> service = Tree.mapField(args, "kubernetesService", at);
    Map<String, Object> account = Tree.mapField(args, "serviceAccount", at);
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put(
        "annotations",
        new LinkedHashMap<>(
            Map.of(
                "iam.gke.io/gcp-service-account",
                Tree.string(account, "name", at)
                    + "@"
                    + Tree.string(account, "projectId", at)
                    + ".iam.gserviceaccount.com")));
    meta.put("name", Tree.string(service, "name", at));
    String ns = Tree.string(service, "namespace", at);
    if (ns != null && !ns.isEmpty()) {
      meta.put("namespace", ns);
    }
    Map<String, Object> sa = new LinkedHashMap<>();
    sa.put("apiVersion", "v1");
    sa.put("kind", "ServiceAccount");
    sa.put("metadata", meta);
    return new Res(sa);
  }
}
