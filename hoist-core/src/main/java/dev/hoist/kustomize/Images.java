package dev.hoist.kustomize;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The {@code images:} transformer: newName, newTag and digest for matching container images. */
final class Images {
  private Images() {}

  static void apply(Map<String, Object> k, List<Res> resources, String where, Config config) {
    for (Object o : Tree.listField(k, "images", where)) {
      if (!(o instanceof Map<?, ?> m)) {
        throw new RenderException(where + ": images entries must be mappings");
      }
      Map<String, Object> e = Tree.map(m);
      String name = Tree.string(e, "name", where + ": images");
      if (name == null || name.isEmpty()) {
        throw new RenderException(where + ": images entry without name");
      }
      String newName = Tree.string(e, "newName", where + ": images");
      String newTag = Tree.string(e, "newTag", where + ": images");
      String digest = Tree.string(e, "digest", where + ": images");
      // the rewritten image is located at the entry's field that decided it
      String by = digest != null ? "digest" : newTag != null ? "newTag" : "newName";
      Pattern match =
          Pattern.compile(
              "^" + Pattern.quote(name) + "(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$");
      for (Res r : resources) {
        for (FieldSpec fs : config.images) {
          fs.visit(
              r.obj,
              (parent, key) -> {
                if (parent.get(key) instanceof String image && match.matcher(image).matches()) {
                  parent.put(key, rewrite(image, newName, newTag, digest));
                  YamlMap.moveKey(parent, key, e, by);
                }
              });
        }
      }
    }
  }

  /**
   * kustomize's image update: a new tag drops the digest, a new digest drops the tag, both keep
   * both.
   */
  static String rewrite(String image, String newName, String newTag, String digest) {
    String name = image;
    String tag = "";
    String dig = "";
    int at = name.indexOf('@');
    if (at >= 0) {
      dig = name.substring(at + 1);
      name = name.substring(0, at);
    }
    int colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf('/')) {
      tag = name.substring(colon + 1);
      name = name.substring(0, colon);
    }
    if (newName != null && !newName.isEmpty()) {
      name = newName;
    }
    boolean hasTag = newTag != null && !newTag.isEmpty();
    boolean hasDigest = digest != null && !digest.isEmpty();
    if (hasTag && hasDigest) {
      tag = newTag;
      dig = digest;
    } else if (hasTag) {
      tag = newTag;
      dig = "";
    } else if (hasDigest) {
      dig = digest;
      tag = "";
    }
    return name + (tag.isEmpty() ? "" : ":" + tag) + (dig.isEmpty() ? "" : "@" + dig);
  }
}
