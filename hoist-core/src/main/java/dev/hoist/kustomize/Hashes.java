package dev.hoist.kustomize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** kustomize's content hash name suffix for generated ConfigMaps and Secrets. */
final class Hashes {
  private Hashes() {}

  static void addSuffixes(List<Res> resources) {
    for (Res r : resources) {
      if (r.needsHash) {
        r.rename(r.name() + "-" + hash(r));
      }
    }
  }

  /**
   * The first ten hex digits of sha256 over Go's JSON of kind, data (and binaryData, or type and
   * stringData), with 0,1,3,a,e swapped. Like kustomize v5.5, the name is looked up as one field
   * called "metadata/name", which never exists, so it always hashes as "" (a name change does not
   * change the hash).
   */
  static String hash(Res r) {
    Map<String, Object> m = new TreeMap<>();
    m.put("kind", r.kind());
    m.put("name", "");
    m.put("data", r.obj.get("data") instanceof Map<?, ?> d ? d : scalarOrEmpty(r.obj.get("data")));
    if (r.kind().equals("ConfigMap")) {
      if (r.obj.get("binaryData") instanceof Map<?, ?> b) {
        m.put("binaryData", b);
      }
    } else {
      m.put("type", scalarOrEmpty(r.obj.get("type")));
      if (r.obj.get("stringData") instanceof Map<?, ?> sd) {
        m.put("stringData", sd);
      }
    }
    String hex = sha256(GoJson.write(m));
    char[] out = hex.substring(0, 10).toCharArray();
    for (int i = 0; i < out.length; i++) {
      out[i] =
          switch (out[i]) {
            case '0' -> 'g';
            case '1' -> 'h';
            case '3' -> 'k';
            case 'a' -> 'm';
            case 'e' -> 't';
            default -> out[i];
          };
    }
    return new String(out);
  }

  private static String scalarOrEmpty(Object v) {
    return v == null || v instanceof java.util.List<?> ? "" : Tree.scalarText(v);
  }

  private static String sha256(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder();
      for (byte b : d) {
        sb.append(String.format("%02x", b));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Go's encoding/json for string maps: sorted keys, HTML-safe escaping. */
  static final class GoJson {
    private GoJson() {}

    static String write(Object v) {
      StringBuilder sb = new StringBuilder();
      write(v, sb);
      return sb.toString();
    }

    private static void write(Object v, StringBuilder sb) {
      if (v instanceof Map<?, ?> m) {
        List<String> keys = new ArrayList<>();
        m.keySet().forEach(k -> keys.add(String.valueOf(k)));
        keys.sort(null);
        sb.append('{');
        for (int i = 0; i < keys.size(); i++) {
          if (i > 0) {
            sb.append(',');
          }
          string(keys.get(i), sb);
          sb.append(':');
          write(m.get(keys.get(i)), sb);
        }
        sb.append('}');
      } else if (v == null) {
        sb.append("null");
      } else {
        string(Tree.scalarText(v), sb);
      }
    }

    private static void string(String s, StringBuilder sb) {
      sb.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '"' -> sb.append("\\\"");
          case '\\' -> sb.append("\\\\");
          // Go 1.22+ (what kustomize v5.5 and kubectl are built with) writes \b and \f short
          case '\b' -> sb.append("\\b");
          case '\f' -> sb.append("\\f");
          case '\n' -> sb.append("\\n");
          case '\r' -> sb.append("\\r");
          case '\t' -> sb.append("\\t");
          case '<', '>', '&', '\u2028', '\u2029' -> sb.append(String.format("\\u%04x", (int) c));
          default -> {
            if (c < 0x20) {
              sb.append(String.format("\\u%04x", (int) c));
            } else {
              sb.append(c);
            }
          }
        }
      }
      sb.append('"');
    }
  }
}
