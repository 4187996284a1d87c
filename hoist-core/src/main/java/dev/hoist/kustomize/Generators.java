package dev.hoist.kustomize;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * configMapGenerator and secretGenerator (literals, files, envs; behavior create, merge, replace).
 */
final class Generators {
  private Generators() {}

  static void run(
      Loader loader, Map<String, Object> k, List<Res> resources, String where, Origins origins) {
    Map<String, Object> options = Tree.mapField(k, "generatorOptions", where);
    for (Object o : Tree.listField(k, "configMapGenerator", where)) {
      generate(
          loader, Tree.map(o), options, false, resources, where + ": configMapGenerator", origins);
    }
    for (Object o : Tree.listField(k, "secretGenerator", where)) {
      generate(loader, Tree.map(o), options, true, resources, where + ": secretGenerator", origins);
    }
  }

  static void generate(
      Loader loader,
      Map<String, Object> g,
      Map<String, Object> global,
      boolean secret,
      List<Res> resources,
      String where,
      Origins origins) {
    String name = Tree.string(g, "name", where);
    if (name == null || name.isEmpty()) {
      throw new RenderException(where + ": a generator needs a name");
    }
    String at = where + " " + name;
    Map<String, Object> data = new LinkedHashMap<>();
    Map<String, Object> binary = new LinkedHashMap<>();
    for (Object env : envs(g, at)) {
      for (String[] kv : KeyValues.env(loader.read(String.valueOf(env), "envs"))) {
        put(data, binary, kv[0], kv[1].getBytes(StandardCharsets.UTF_8), secret, at);
      }
    }
    for (Object lit : Tree.listField(g, "literals", at)) {
      String[] kv = KeyValues.literal(String.valueOf(lit), at);
      put(data, binary, kv[0], kv[1].getBytes(StandardCharsets.UTF_8), secret, at);
    }
    for (Object f : Tree.listField(g, "files", at)) {
      String spec = String.valueOf(f);
      int eq = spec.indexOf('=');
      String key = eq < 0 ? Path.of(spec).getFileName().toString() : spec.substring(0, eq);
      String file = eq < 0 ? spec : spec.substring(eq + 1);
      if (key.isEmpty() || file.isEmpty()) {
        throw new RenderException(at + ": invalid file source " + spec);
      }
      put(data, binary, key, loader.bytes(file, "files"), secret, at);
    }
    Map<String, Object> obj = YamlMap.locatedLike(g); // located at the generator's entry
    obj.put("apiVersion", "v1");
    obj.put("kind", secret ? "Secret" : "ConfigMap");
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("name", name);
    String ns = Tree.string(g, "namespace", at);
    if (ns != null && !ns.isEmpty()) {
      meta.put("namespace", ns);
    }
    obj.put("metadata", meta);
    Map<String, Object> own = Tree.mapField(g, "options", at);
    Map<String, Object> labels = merged(global, own, "labels", at);
    Map<String, Object> annotations = merged(global, own, "annotations", at);
    if (!labels.isEmpty()) {
      meta.put("labels", labels);
    }
    if (!annotations.isEmpty()) {
      meta.put("annotations", annotations);
    }
    if (secret) {
      String type = Tree.string(g, "type", at);
      obj.put("type", type == null || type.isEmpty() ? "Opaque" : type);
    }
    if (!data.isEmpty()) {
      obj.put("data", data);
    }
    if (!binary.isEmpty()) {
      obj.put("binaryData", binary);
    }
    if (Boolean.TRUE.equals(own.getOrDefault("immutable", global.get("immutable")))) {
      obj.put("immutable", true);
    }
    Res r = new Res(obj);
    if (origins != null) {
      origins.generated(r, secret ? "SecretGenerator" : "ConfigMapGenerator");
    }
    r.needsHash =
        !Boolean.TRUE.equals(
            own.getOrDefault("disableNameSuffixHash", global.get("disableNameSuffixHash")));
    String behavior = Tree.string(g, "behavior", at);
    r.behavior = behavior == null ? "create" : behavior;
    switch (r.behavior) {
      case "create" -> Builder.addAll(resources, List.of(r), where);
      case "merge", "replace" -> mergeInto(resources, r, at);
      default -> throw new RenderException(at + ": unknown behavior " + behavior);
    }
  }

  private static List<Object> envs(Map<String, Object> g, String at) {
    List<Object> envs = new java.util.ArrayList<>(Tree.listField(g, "envs", at));
    if (g.get("env") != null) {
      envs.add(g.get("env"));
    }
    return envs;
  }

  private static void mergeInto(List<Res> resources, Res r, String at) {
    // kustomize's appendReplaceOrMerge: the objects with the generated one's id as their current or
    // a previous id (effective namespaces compared); exactly one may take the merge
    List<Res> matches =
        resources.stream()
            .filter(e -> e.hasId(r.apiVersion(), r.kind(), r.name(), r.namespace()))
            .toList();
    if (matches.size() > 1) {
      throw new RenderException(
          at
              + ": found multiple objects that could accept "
              + r.behavior
              + " of "
              + r.describe()
              + ": "
              + matches.stream().map(Res::describe).toList());
    }
    if (matches.size() == 1) {
      Res existing = matches.get(0);
      Map<String, Object> obj = existing.obj;
      for (String field : List.of("data", "binaryData")) {
        Map<String, Object> values =
            r.behavior.equals("merge") && obj.get(field) instanceof Map<?, ?> m
                ? new LinkedHashMap<>(Tree.map(m))
                : new LinkedHashMap<>();
        if (r.obj.get(field) instanceof Map<?, ?> add) {
          values.putAll(Tree.map(add));
        }
        if (values.isEmpty()) {
          obj.remove(field);
        } else {
          obj.put(field, values);
        }
      }
      Object origin = existing.annotations().get(Origins.ORIGIN);
      for (String field : List.of("labels", "annotations")) {
        if (r.obj.get("metadata") instanceof Map<?, ?> meta
            && meta.get(field) instanceof Map<?, ?> add) {
          Tree.child(existing.metadata(), field).putAll(Tree.map(add));
        }
      }
      if (r.behavior.equals("merge") && origin != null) {
        // kustomize keeps the merged-into resource's origin (replace takes the new generator's)
        existing.annotations().put(Origins.ORIGIN, origin);
      }
      existing.needsHash = existing.needsHash && r.needsHash;
      return;
    }
    throw new RenderException(
        at
            + ": behavior "
            + r.behavior
            + " but there is no "
            + r.kind()
            + " "
            + r.name()
            + " to "
            + r.behavior);
  }

  private static Map<String, Object> merged(
      Map<String, Object> global, Map<String, Object> own, String field, String at) {
    Map<String, Object> out =
        new LinkedHashMap<>(Labels.strings(Tree.mapField(global, field, at), at));
    out.putAll(Labels.strings(Tree.mapField(own, field, at), at));
    return out;
  }

  private static void put(
      Map<String, Object> data,
      Map<String, Object> binary,
      String key,
      byte[] value,
      boolean secret,
      String at) {
    if (data.containsKey(key) || binary.containsKey(key)) {
      throw new RenderException(at + ": key " + key + " already exists");
    }
    if (secret) {
      data.put(key, encodeBase64(value));
      return;
    }
    try {
      data.put(
          key,
          StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(value)).toString());
    } catch (CharacterCodingException e) {
      binary.put(key, encodeBase64(value));
    }
  }

  /**
   * kustomize's encodeBase64: a value whose base64 is 70 characters or longer is cut into lines of
   * 70, each ending in a newline (so it prints as a {@code |} block, and the name hash covers the
   * newlines); a shorter one stays on one line.
   */
  static String encodeBase64(byte[] value) {
    String encoded = Base64.getEncoder().encodeToString(value);
    int lineLength = 70;
    if (encoded.length() < lineLength) {
      return encoded;
    }
    StringBuilder out = new StringBuilder(encoded.length() + encoded.length() / lineLength + 1);
    for (int i = 0; i < encoded.length(); i += lineLength) {
      out.append(encoded, i, Math.min(encoded.length(), i + lineLength)).append('\n');
    }
    return out.toString();
  }
}
