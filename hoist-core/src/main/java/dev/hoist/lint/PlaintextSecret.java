package dev.hoist.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** HOIST001: a v1 Secret with values in clear (not SOPS-encrypted, not annotated). */
final class PlaintextSecret extends BaseRule {
  PlaintextSecret() {
    super(
        "plaintext-secret",
        Severity.ERROR,
        "a Secret holds plaintext values",
        "The manifests artifact is pushed to a registry and read by every cluster: a password in a"
            + " Secret's data or stringData leaves the machine with it.",
        "Encrypt the Secret with SOPS (Flux decrypts it), or keep it out of the repository with an"
            + " ExternalSecret; to push it anyway annotate it hoist.dev/allow-plaintext-secret:"
            + " \"<reason>\".");
  }

  @Override
  public List<Finding> check(LintedOverlay overlay) {
    List<Finding> out = new ArrayList<>();
    for (Map<String, Object> secret : overlay.ofKind("Secret")) {
      if (!"v1".equals(secret.get("apiVersion")) || secret.containsKey("sops")) {
        continue;
      }
      Object reason = K8s.annotations(secret).get(dev.hoist.validate.PlaintextSecrets.ALLOW);
      if (reason != null && !String.valueOf(reason).isBlank()) {
        continue;
      }
      List<String> keys = new ArrayList<>();
      for (String field : List.of("data", "stringData")) {
        for (Map.Entry<String, Object> e : K8s.map(secret.get(field)).entrySet()) {
          if (!String.valueOf(e.getValue()).startsWith("ENC[")) {
            keys.add(e.getKey());
          }
        }
      }
      if (!keys.isEmpty()) {
        out.add(
            overlay.finding(
                this,
                secret,
                List.of(secret.containsKey("stringData") ? "stringData" : "data"),
                "holds plaintext values (" + String.join(", ", keys) + ")"));
      }
    }
    return out;
  }
}
