package dev.hoist.kustomize;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The resources of one file, as kustomize's resource factory reads them (RNodesFromBytes): kyaml's
 * reader first unwraps a {@code List} or {@code ResourceList} that is alone in its file (its items
 * keep their YAML nodes); then every {@code *List} with items is expanded through JSON
 * (inlineAnyEmbeddedLists), its items queued after the file's remaining documents (nested lists
 * too). A {@code *List} whose items are null is dropped, one without an {@code items} field stays a
 * resource, and items that are not a list are an error.
 */
final class ResourceFile {
  /**
   * kyaml's document separator (kio's splitDocuments): a line starting with {@code ---} after a
   * newline.
   */
  private static final Pattern SEPARATOR = Pattern.compile("\n---.*\n");

  private ResourceFile() {}

  /**
   * True when kyaml's reader sees one document in {@code text}: it splits the text itself, so a
   * trailing {@code ---} line makes a second, empty document.
   */
  static boolean oneDocument(String text) {
    return !SEPARATOR.matcher(text.replace("\r\n", "\n")).find();
  }

  static List<Res> parse(String text, String source) {
    List<Object> docs = Values.resources(text, source);
    Deque<Object> queue = new ArrayDeque<>();
    for (Object doc : docs) {
      Map<String, Object> m = mapping(doc, source, "a resource");
      if (docs.size() == 1
          && oneDocument(text)
          && ("List".equals(m.get("kind")) || "ResourceList".equals(m.get("kind")))
          && (m.containsKey("items") || m.containsKey("functionConfig"))) {
        Object items = m.get("items");
        if (items != null && !(items instanceof List<?>)) {
          throw new RenderException(source + ": expected a list in " + m.get("kind") + "/items");
        }
        if (items != null) {
          queue.addAll(Tree.list(items)); // kyaml's reader keeps the items' nodes
        }
      } else {
        queue.add(m);
      }
    }
    List<Res> out = new ArrayList<>();
    while (!queue.isEmpty()) {
      Object doc = queue.poll();
      if (doc == null) {
        continue; // an empty item
      }
      Map<String, Object> m = mapping(doc, source, "a list item");
      String kind = m.get("kind") instanceof String s ? s : "";
      if (!kind.endsWith("List") || !m.containsKey("items")) {
        out.add(checked(m, kind, source));
      } else if (m.get("items") instanceof List<?> items) {
        for (Object item : items) {
          if (item != null) {
            JsonRoundTrip.afterListExpansion(mapping(item, source, "an item of " + kind));
            queue.add(item);
          }
        }
      } else if (m.get("items") != null) {
        throw new RenderException(
            source
                + ": expected a list in "
                + kind
                + "/items, not "
                + (m.get("items") instanceof String ? "a string" : Tree.describe(m.get("items"))));
      }
    }
    return out;
  }

  private static Map<String, Object> mapping(Object doc, String source, String what) {
    if (!(doc instanceof Map<?, ?>)) {
      throw new RenderException(source + ": " + what + " must be a mapping");
    }
    return Tree.map(doc);
  }

  private static Res checked(Map<String, Object> m, String kind, String source) {
    if (kind.isEmpty()) {
      throw new RenderException(source + ": a resource has no kind");
    }
    Res r = new Res(m);
    if (r.name().isEmpty() && !kind.endsWith("List")) { // like kyaml, a list does not need a name
      throw new RenderException(source + ": " + kind + " has no metadata.name");
    }
    return r;
  }
}
