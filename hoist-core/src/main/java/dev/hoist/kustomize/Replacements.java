package dev.hoist.kustomize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code replacements:} transformer: copy a field of one resource into fields of others. */
final class Replacements {
  private Replacements() {}

  static void apply(Loader loader, Map<String, Object> k, List<Res> resources, String where) {
    for (Object o : Tree.listField(k, "replacements", where)) {
      if (!(o instanceof Map<?, ?> m)) {
        throw new RenderException(where + ": replacements entries must be mappings");
      }
      Map<String, Object> entry = Tree.map(m);
      if (entry.get("path") instanceof String path && !path.isEmpty()) {
        if (entry.get("source") != null || !Tree.listField(entry, "targets", where).isEmpty()) {
          // kustomize's ReplacementTransformer refuses the mix
          throw new RenderException(
              where + ": replacements: cannot specify both path and inline replacement");
        }
        String file = loader.dir.resolve(path).toString();
        List<Object> docs = Values.yaml11Documents(loader.read(path, "replacements"), file);
        // kustomize reads the file with sigs.k8s.io/yaml's Unmarshal: its first document only;
        // field names match case-insensitively and unknown fields are ignored (not an error as in
        // the kustomization)
        Object doc = docs.isEmpty() ? null : KustomizationTypes.replacements(docs.get(0), file);
        if (doc instanceof List<?> list) {
          for (Object r : list) {
            replace(Tree.map(r), resources, path);
          }
        } else if (doc instanceof Map<?, ?> one) {
          replace(Tree.map(one), resources, path);
        } else {
          throw new RenderException(
              file + ": a replacements file must hold a replacement or a list of them");
        }
      } else {
        replace(entry, resources, where + ": replacements");
      }
    }
  }

  private static void replace(Map<String, Object> r, List<Res> resources, String where) {
    Map<String, Object> source = Tree.mapField(r, "source", where);
    List<Res> found = IdSelector.byId(resources, source, where);
    if (found.size() != 1) {
      throw new RenderException(
          where
              + ": replacement source "
              + describe(source)
              + " matches "
              + found.size()
              + " resources, expected exactly one");
    }
    String fieldPath =
        source.get("fieldPath") == null ? "metadata.name" : String.valueOf(source.get("fieldPath"));
    List<Object> values = FieldPath.get(found.get(0).obj, fieldPath);
    if (values.isEmpty()) {
      throw new RenderException(
          where
              + ": fieldPath "
              + fieldPath
              + " is missing for replacement source "
              + found.get(0).describe());
    }
    Object value = values.get(0);
    Map<String, Object> options = Tree.mapField(source, "options", where);
    if (options.get("delimiter") instanceof String delimiter && !delimiter.isEmpty()) {
      String[] parts = Tree.scalarText(value).split(java.util.regex.Pattern.quote(delimiter), -1);
      int index = options.get("index") instanceof Long l ? l.intValue() : 0;
      if (index < 0 || index >= parts.length) {
        throw new RenderException(
            where
                + ": options.index "
                + index
                + " is out of bounds for value "
                + Tree.scalarText(value));
      }
      value = parts[index];
    }
    for (Object t : Tree.listField(r, "targets", where)) {
      Map<String, Object> target = Tree.map(t);
      Map<String, Object> select = Tree.mapField(target, "select", where);
      List<Res> selected =
          IdSelector.targets(resources, select, Tree.listField(target, "reject", where), where);
      Map<String, Object> topts = Tree.mapField(target, "options", where);
      boolean create = Boolean.TRUE.equals(topts.get("create"));
      for (Res res : selected) {
        for (Object fp : Tree.listField(target, "fieldPaths", where)) {
          Object v = value;
          FieldPath.set(
              res.obj, String.valueOf(fp), create, old -> withDelimiter(old, v, topts), where);
        }
      }
    }
  }

  private static Object withDelimiter(Object old, Object value, Map<String, Object> options) {
    if (!(options.get("delimiter") instanceof String delimiter) || delimiter.isEmpty()) {
      if (old instanceof Map<?, ?> || old instanceof List<?>) {
        return Tree.deepCopy(value);
      }
      if (value instanceof Map<?, ?> || value instanceof List<?>) {
        return Tree.deepCopy(value);
      }
      return typedLike(old, Tree.scalarText(value));
    }
    int index = options.get("index") instanceof Long l ? l.intValue() : 0;
    List<String> parts =
        new ArrayList<>(
            List.of(
                (old == null ? "" : Tree.scalarText(old))
                    .split(java.util.regex.Pattern.quote(delimiter), -1)));
    String v = Tree.scalarText(value);
    if (index < 0) {
      parts.add(0, v);
    } else if (index >= parts.size()) {
      parts.add(v);
    } else {
      parts.set(index, v);
    }
    return typedLike(old, String.join(delimiter, parts));
  }

  /**
   * kustomize's setFieldValue: into a scalar target only the text is copied and the target keeps
   * its type, so a string field stays a string ({@code "3"}) while a created field (a node without
   * a tag) reads back as YAML reads the text ({@code 4.2} a number).
   */
  private static Object typedLike(Object old, String text) {
    return old instanceof String ? text : PlainScalars.resolve(text);
  }

  private static String describe(Map<String, Object> selector) {
    Map<String, Object> copy = new LinkedHashMap<>(selector);
    copy.remove("fieldPath");
    copy.remove("options");
    return copy.toString();
  }
}
