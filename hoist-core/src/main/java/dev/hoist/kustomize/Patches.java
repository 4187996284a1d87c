package dev.hoist.kustomize;

import dev.hoist.yaml.Located;
import dev.hoist.yaml.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code patches}, {@code patchesStrategicMerge} and {@code patchesJson6902}. */
final class Patches {
  private Patches() {}

  static void strategicMergeFiles(
      Loader loader,
      Map<String, Object> k,
      List<Res> resources,
      String where,
      Supplier<Schema> schema) {
    for (Object o : Tree.listField(k, "patchesStrategicMerge", where)) {
      String text = String.valueOf(o);
      String source = where + ": patchesStrategicMerge";
      boolean inline = text.contains("\n");
      String body = inline ? text : loader.read(text, "patchesStrategicMerge");
      for (Object doc :
          Values.patches(body, inline ? source : loader.dir.resolve(text).toString())) {
        strategic(resources, Tree.map(doc), null, source, Map.of(), schema);
      }
    }
  }

  /** One {@code patchesJson6902} entry. */
  static void json6902(Loader loader, Object o, List<Res> resources, String where) {
    Map<String, Object> e = Tree.map(o);
    String body =
        e.get("patch") instanceof String s
            ? s
            : loader.read(String.valueOf(e.get("path")), "patchesJson6902");
    List<Object> ops = JsonPatchText.ops(body, where + ": patchesJson6902");
    if (ops.isEmpty()) {
      throw new RenderException(where + ": patchesJson6902: the patch has no operations");
    }
    Map<String, Object> target = Tree.mapField(e, "target", where);
    for (Res r : Selector.select(resources, target, where)) {
      JsonPatch.apply(r.obj, ops, where + ": patchesJson6902");
    }
  }

  /** One {@code patches} entry. */
  static void patch(
      Loader loader, Object o, List<Res> resources, String where, Supplier<Schema> schema) {
    if (!(o instanceof Map<?, ?> m)) {
      throw new RenderException(where + ": patches entries must be mappings");
    }
    Map<String, Object> e = Tree.map(m);
    if (e.get("patch") != null && e.get("path") != null) {
      throw new RenderException(where + ": a patch entry has both patch and path");
    }
    String source;
    String body;
    SourceLocation place;
    if (e.get("patch") instanceof String s) {
      body = s.strip(); // kustomize trims an inline patch (not one read from a file)
      source = where + ": patches";
      place = inline(e);
    } else if (e.get("path") instanceof String p) {
      body = loader.read(p, "patches");
      source = loader.dir.resolve(p).toString();
      place = new SourceLocation(loader.file(p, "patches").toString(), 0);
    } else {
      throw new RenderException(where + ": a patch entry needs patch or path");
    }
    Map<String, Object> target = e.get("target") == null ? null : Tree.mapField(e, "target", where);
    List<Object> ops = JsonPatchText.ifOps(body, source, place);
    if (ops != null) {
      if (target == null) {
        throw new RenderException(source + ": a JSON 6902 patch needs a target");
      }
      for (Res r : Selector.select(resources, target, where)) {
        r.storePreviousId(); // kustomize's PatchTransformer does, for a JSON 6902 patch only
        JsonPatch.apply(r.obj, ops, source);
      }
      return;
    }
    List<Object> docs = Values.patches(body, source, place);
    for (Object doc : docs) {
      if (!(doc instanceof Map<?, ?>)) {
        throw new RenderException(
            source + ": a patch must be a mapping or a list of JSON patch operations");
      }
      strategic(
          resources, Tree.map(doc), target, source, Tree.mapField(e, "options", where), schema);
    }
  }

  /**
   * Where the text of an inline {@code patch: |-} starts: its first line is the one after the key's
   * (null when the kustomization's lines are not known).
   */
  private static SourceLocation inline(Map<String, Object> entry) {
    return entry instanceof Located l ? l.locationOf("patch") : null;
  }

  private static void strategic(
      List<Res> resources,
      Map<String, Object> patch,
      Map<String, Object> target,
      String source,
      Map<String, Object> options,
      Supplier<Schema> schema) {
    Res wanted = new Res(patch);
    List<Res> targets;
    if (target != null) {
      targets = Selector.select(resources, target, source);
    } else {
      Res p = new Res(patch);
      targets = new ArrayList<>();
      for (Res r : resources) {
        if (r.hasId(p.apiVersion(), p.kind(), p.name(), p.namespace())) {
          targets.add(r);
        }
      }
      if (targets.size() != 1) {
        throw new RenderException(
            source
                + ": "
                + (targets.isEmpty() ? "no resource matches" : "several " + "resources match")
                + " the patch for "
                + p.describe());
      }
    }
    // the schema is taken only when a patch is merged into an object: it is then in use (kyaml)
    Schema used = targets.isEmpty() ? null : schema.get();
    StrategicMerge smp = new StrategicMerge(used);
    for (Res r : targets) {
      Map<String, Object> copy = Tree.deepCopyMap(patch);
      if (target != null) {
        // kustomize's PatchTransformer gives the patch copy each target's group, version and kind
        // (SetGvk): a Deployment-shaped patch selected onto a v1 Service keeps the Service's
        // apiVersion
        copy.put("apiVersion", r.apiVersion());
        copy.put("kind", r.kind());
      }
      if (target != null && copy.get("metadata") instanceof Map<?, ?> meta) {
        Tree.map(meta).put("name", r.name());
        if (!r.namespace().isEmpty()) {
          Tree.map(meta).put("namespace", r.namespace());
        } else {
          meta.remove("namespace");
        }
      }
      String kind = r.kind();
      String name = r.name();
      String namespace = r.namespace();
      if (Boolean.TRUE.equals(options.get("allowNameChange"))
          || Boolean.TRUE.equals(options.get("allowKindChange"))) {
        r.storePreviousId(); // kustomize's ApplySmPatch, before a patch may rename it
      }
      Map<String, Object> merged =
          smp.apply(r.obj, copy, used.definition(r.apiVersion(), r.kind()));
      if (merged == null) {
        resources.remove(r);
        continue;
      }
      r.obj = merged;
      r.obj.put(
          "kind",
          Boolean.TRUE.equals(options.get("allowKindChange")) && !wanted.kind().isEmpty()
              ? wanted.kind()
              : kind);
      // like kustomize's ApplySmPatch, the patch keeps the resource's name (unless allowed) and
      // namespace
      r.metadata().put("name", name);
      if (namespace.isEmpty()) {
        r.metadata().remove("namespace");
      } else {
        r.metadata().put("namespace", namespace);
      }
      if (Boolean.TRUE.equals(options.get("allowNameChange"))
          && !wanted.name().isEmpty()
          && !wanted.name().equals(name)) {
        r.rename(wanted.name());
      }
    }
  }
}
