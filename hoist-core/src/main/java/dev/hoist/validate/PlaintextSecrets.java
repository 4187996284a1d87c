package dev.hoist.validate;

import dev.hoist.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds {@code v1} Secrets whose {@code data} or {@code stringData} hold plaintext values: what a
 * release must never push (anyone who can pull the artifact reads them). A SOPS-encrypted Secret (a
 * top-level {@code sops:} mapping and every value {@code ENC[…]}) passes, as does one with the
 * annotation {@value #ALLOW} whose value gives the reason. Used by {@code hoist release} before
 * anything is pushed; a lint rule reports the same findings.
 */
public final class PlaintextSecrets {
  /** The per-object opt-out; its value must say why (e.g. "dummy values for the dev cluster"). */
  public static final String ALLOW = "hoist.dev/allow-plaintext-secret";

  private PlaintextSecrets() {}

  /** A Secret with plaintext values: where it starts, its name, and the keys in clear. */
  public record Finding(int line, String object, List<String> keys) {
    public String message() {
      return "Secret "
          + object
          + " holds plaintext values ("
          + String.join(", ", keys)
          + "): encrypt it with SOPS, or keep it out of the repository with an ExternalSecret;"
          + " to push it anyway annotate it "
          + ALLOW
          + ": \"<reason>\"";
    }
  }

  /** The plaintext Secrets among {@code docs} (rendered objects; a List's items are checked). */
  public static List<Finding> find(List<YamlNode> docs) {
    List<Finding> out = new ArrayList<>();
    for (YamlNode doc : docs) {
      check(doc, out);
    }
    return out;
  }

  private static void check(YamlNode doc, List<Finding> out) {
    if (!(doc instanceof YamlNode.Mapping m)) {
      return;
    }
    if ("List".equals(text(m, "kind")) && m.entries().get("items") instanceof YamlNode.Sequence s) {
      s.items().forEach(item -> check(item, out));
      return;
    }
    if (!"v1".equals(text(m, "apiVersion")) || !"Secret".equals(text(m, "kind"))) {
      return;
    }
    YamlNode.Mapping metadata =
        m.entries().get("metadata") instanceof YamlNode.Mapping md ? md : null;
    if (metadata != null
        && metadata.entries().get("annotations") instanceof YamlNode.Mapping a
        && a.entries().get(ALLOW) instanceof YamlNode.Scalar reason
        && !reason.text().isBlank()) {
      return;
    }
    boolean sops = m.entries().get("sops") instanceof YamlNode.Mapping;
    List<String> clear = new ArrayList<>();
    for (String field : List.of("data", "stringData")) {
      if (m.entries().get(field) instanceof YamlNode.Mapping values) {
        for (Map.Entry<String, YamlNode> e : values.entries().entrySet()) {
          String value = e.getValue() instanceof YamlNode.Scalar sc ? sc.text() : "";
          if (!value.isEmpty() && !(sops && value.startsWith("ENC["))) {
            clear.add(field + "." + e.getKey());
          }
        }
      }
    }
    if (!clear.isEmpty()) {
      String name = metadata == null ? "?" : text(metadata, "name");
      String namespace = metadata == null ? null : text(metadata, "namespace");
      out.add(
          new Finding(
              m.line(),
              (namespace == null ? "" : namespace + "/") + (name == null ? "?" : name),
              clear));
    }
  }

  private static String text(YamlNode.Mapping m, String key) {
    return m.entries().get(key) instanceof YamlNode.Scalar s ? s.text() : null;
  }
}
