package dev.hoist.kustomize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * kustomize's ValueAddTransformer plugin: puts one value at a field path of the selected objects
 * (creating the field), or, with {@code filePathPosition} N &gt; 0, inserts it as the Nth part of
 * the path the field holds ({@code filesys.InsertPathPart}); the path {@code metadata/namespace} is
 * the namespace filter. Without a value, the kustomization directory's name is the value.
 */
final class ValueAdd {
  private ValueAdd() {}

  static void apply(Loader loader, Map<String, Object> config, List<Res> resources, String at) {
    String value = Tree.string(config, "value", at);
    value = value == null ? "" : value.strip();
    if (value.isEmpty()) {
      value = loader.dir.getFileName() == null ? "" : loader.dir.getFileName().toString();
    }
    List<Object> targets = new ArrayList<>(Tree.listField(config, "targets", at));
    String file = Tree.string(config, "targetFilePath", at);
    if (file != null && !file.isEmpty()) {
      Object doc =
          Values.single(loader.read(file, "targetFilePath"), loader.dir.resolve(file).toString());
      Map<String, Object> decoded = PluginTypes.decode("ValueAddTransformer", Tree.map(doc), at);
      targets.addAll(Tree.listField(decoded, "targets", at));
    }
    if (targets.isEmpty()) {
      throw new RenderException(at + ": must specify at least one target");
    }
    for (Object t : targets) {
      Map<String, Object> target = Tree.map(t);
      String path = Tree.string(target, "fieldPath", at);
      if (path == null || path.isEmpty()) {
        throw new RenderException(at + ": fieldPath cannot be empty");
      }
      long position = target.get("filePathPosition") instanceof Number n ? n.longValue() : 0;
      if (position < 0) {
        throw new RenderException(
            at + ": value of FilePathPosition (" + position + ") cannot be negative");
      }
    }
    for (Object t : targets) {
      Map<String, Object> target = Tree.map(t);
      List<Res> selected =
          target.get("selector") == null
              ? resources
              : Selector.select(resources, Tree.mapField(target, "selector", at), at);
      String path = Tree.string(target, "fieldPath", at);
      int position = target.get("filePathPosition") instanceof Number n ? (int) n.longValue() : 0;
      if (path.equals("metadata/namespace")) {
        Namespaces.apply(selected, value, List.of(), false, "", at);
        continue;
      }
      for (Res r : selected) {
        set(r, fields(path), value, position, at);
      }
    }
  }

  /** The path's fields; a field ending in a backslash goes on with the next ({@code a\/b}). */
  private static List<String> fields(String path) {
    List<String> out = new ArrayList<>();
    for (String f : path.split("/", -1)) {
      if (!out.isEmpty() && out.get(out.size() - 1).endsWith("\\")) {
        String last = out.remove(out.size() - 1);
        out.add(last.substring(0, last.length() - 1) + "/" + f);
      } else {
        out.add(f);
      }
    }
    return out;
  }

  private static void set(Res r, List<String> fields, String value, int position, String at) {
    Map<String, Object> node = r.obj;
    for (int i = 0; i < fields.size() - 1; i++) {
      Object next = node.get(fields.get(i));
      if (next == null) {
        next = new java.util.LinkedHashMap<String, Object>();
        node.put(fields.get(i), next);
      }
      if (!(next instanceof Map<?, ?> m)) {
        throw new RenderException(
            at + ": " + fields.get(i) + " of " + r.describe() + " is not a map");
      }
      node = Tree.map(m);
    }
    String key = fields.get(fields.size() - 1);
    Object old = node.get(key);
    if (old instanceof Map<?, ?> || old instanceof List<?>) {
      throw new RenderException(
          at + ": " + String.join("/", fields) + " of " + r.describe() + " is not a scalar");
    }
    String current = old == null ? "" : Tree.scalarText(old);
    node.put(key, position > 0 ? insertPathPart(current, position - 1, value) : value);
  }

  /** kyaml's filesys.InsertPathPart. */
  static String insertPathPart(String path, int pos, String part) {
    if (part.isEmpty()) {
      return path;
    }
    List<String> parts = pathSplit(path);
    int at = Math.max(0, Math.min(pos, parts.size()));
    if (!parts.isEmpty() && parts.get(0).isEmpty() && at < parts.size()) {
      at++; // an absolute path: positions count its parts as in a relative one
    }
    List<String> result = new ArrayList<>(parts.subList(0, at));
    result.add(part);
    result.addAll(parts.subList(at, parts.size()));
    return pathJoin(result);
  }

  private static List<String> pathSplit(String path) {
    if (path.isEmpty()) {
      return new ArrayList<>();
    }
    int slash = path.lastIndexOf('/');
    String dir = path.substring(0, slash + 1);
    String file = path.substring(slash + 1);
    if (dir.equals("/")) {
      return new ArrayList<>(file.isEmpty() ? List.of("") : List.of("", file));
    }
    dir = dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
    if (dir.isEmpty()) {
      return new ArrayList<>(List.of(file));
    }
    List<String> out = pathSplit(dir);
    out.add(file);
    return out;
  }

  /** kyaml's PathJoin: a leading empty part keeps the path absolute; Go's filepath.Join. */
  private static String pathJoin(List<String> parts) {
    if (parts.isEmpty()) {
      return "";
    }
    if (parts.get(0).isEmpty()) {
      return "/" + GoPath.join(parts.subList(1, parts.size()).toArray(String[]::new));
    }
    return GoPath.join(parts.toArray(String[]::new));
  }
}
