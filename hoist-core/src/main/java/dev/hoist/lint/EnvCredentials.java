package dev.hoist.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A literal credential in a container's env: a secret-looking name, or a URI with a password. */
final class EnvCredentials extends BaseRule {
  private static final Pattern NAME =
      Pattern.compile("(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY).*");
  private static final Pattern URI_WITH_PASSWORD =
      Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^/@\\s:]+:[^/@\\s]+@.*");

  EnvCredentials() {
    super(
        "env-credentials",
        Severity.ERROR,
        "a container's env holds a credential in clear",
        "An env value is part of the manifest: it is pushed with the artifact, shown by kubectl"
            + " describe and kept in every ReplicaSet's history.",
        "Move the value into a Secret (SOPS-encrypted, or an ExternalSecret) and reference it with"
            + " valueFrom.secretKeyRef.");
  }

  @Override
  public List<Finding> check(LintedOverlay overlay) {
    List<Finding> out = new ArrayList<>();
    for (Map<String, Object> o : overlay.objects()) {
      for (K8s.Container c : K8s.containers(o)) {
        List<Object> env = K8s.list(c.fields().get("env"));
        for (int i = 0; i < env.size(); i++) {
          Map<String, Object> var = K8s.map(env.get(i));
          String name = K8s.str(var.get("name"));
          String value = K8s.str(var.get("value"));
          if (name == null || value == null || value.isEmpty()) {
            continue;
          }
          boolean uri = URI_WITH_PASSWORD.matcher(value).matches();
          if (uri || NAME.matcher(name).matches()) {
            out.add(
                overlay.finding(
                    this,
                    o,
                    c.at("env", i),
                    "container "
                        + c.name()
                        + " sets "
                        + name
                        + (uri ? " to a URI with a password" : " literally")));
          }
        }
      }
    }
    return out;
  }
}
