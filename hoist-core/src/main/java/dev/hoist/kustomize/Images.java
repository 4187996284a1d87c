package dev.hoist.kustomize;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * The {@code images:} transformer: newName, newTag, digest and tagSuffix for matching container
 * images.
 */
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
      String tagSuffix = Tree.string(e, "tagSuffix", where + ": images");
      // the rewritten image is located at the entry's field that decided it
      String by =
          digest != null
              ? "digest"
              : newTag != null ? "newTag" : tagSuffix != null ? "tagSuffix" : "newName";
      // kustomize's IsImageMatched puts the entry's name into its pattern as written: a name is a
      // regular expression (registry.example/app also matches registryXexample/app)
      Pattern match;
      try {
        match = Pattern.compile("^" + name + "(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$");
      } catch (java.util.regex.PatternSyntaxException ex) {
        throw new RenderException(
            where + ": images: name " + name + " is not a valid pattern: " + ex.getDescription());
      }
      BiConsumer<Map<String, Object>, String> update =
          (parent, key) -> {
            if (parent.get(key) instanceof String image && match.matcher(image).matches()) {
              parent.put(key, rewrite(image, newName, newTag, digest, tagSuffix));
              YamlMap.moveKey(parent, key, e, by);
            }
          };
      for (Res r : resources) {
        if (r.kind().equals("CustomResourceDefinition")) {
          continue; // kustomize's deny list (kustomize#890)
        }
        // kustomize's ImageTagTransformer runs its LegacyFilter, then the field specs: an image
        // both reach gets a tagSuffix twice, as in kustomize
        legacy(r.obj, update);
        for (FieldSpec fs : config.images) {
          // kustomize's fieldspec filter (isMatchGVK): a spec's kind, group and version must match
          if (fs.applies(r)) {
            fs.visit(r.obj, update);
          }
        }
      }
    }
  }

  /**
   * kustomize's LegacyFilter: the {@code image} of each entry of a {@code containers} or {@code
   * initContainers} list anywhere in the object (the list's contents first).
   */
  private static void legacy(Object node, BiConsumer<Map<String, Object>, String> update) {
    if (node instanceof List<?> list) {
      for (Object e : list) {
        legacy(e, update);
      }
    } else if (node instanceof Map<?, ?> m) {
      for (Map.Entry<String, Object> f : Tree.map(m).entrySet()) {
        legacy(f.getValue(), update);
        boolean containers = f.getKey().equals("containers") || f.getKey().equals("initContainers");
        if (containers && f.getValue() instanceof List<?> list) {
          for (Object c : list) {
            if (c instanceof Map<?, ?> container) {
              update.accept(Tree.map(container), "image");
            }
          }
        }
      }
    }
  }

  /**
   * kustomize's image update: a new tag drops the digest, a new digest drops the tag, both keep
   * both; without either, a tag suffix is appended to the tag (also to none) and drops the digest.
   */
  static String rewrite(
      String image, String newName, String newTag, String digest, String tagSuffix) {
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
    } else if (tagSuffix != null && !tagSuffix.isEmpty()) {
      tag += tagSuffix;
      dig = "";
    }
    return name + (tag.isEmpty() ? "" : ":" + tag) + (dig.isEmpty() ? "" : "@" + dig);
  }
}
