package dev.hoist.overlay;

import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Edits a kustomization.yaml's {@code images:} list in place. Only the touched lines change:
 * comments, key order, quoting and unrelated entries stay byte for byte, because nodes are located
 * with snakeyaml-engine's composer marks and the text is spliced, never re-serialised.
 */
public final class KustomizationEditor {
  private KustomizationEditor() {}

  /**
   * Sets the {@code images:} entry whose {@code name} is {@code name} to {@code newName} and {@code
   * digest}, removing its {@code newTag}. Every entry with that name is edited; when there is none,
   * one is appended to the list (in the list's indentation style), and when there is no {@code
   * images:} key, a block is appended at the end of the file. A flow-style list ({@code images:
   * []}) is rewritten in block style.
   *
   * @param newName the repository to use, or {@code null} to leave {@code newName} untouched
   * @throws IllegalArgumentException (one line) for invalid YAML, a non-mapping document, a
   *     non-list {@code images}, or an entry that is not a mapping
   */
  public static String setImage(
      String kustomizationYamlText, String name, String newName, String digest) {
    if (digest == null || digest.isEmpty()) {
      throw new IllegalArgumentException("image name and digest must be given");
    }
    return setImage(kustomizationYamlText, name, newName, null, digest);
  }

  /**
   * Sets the {@code images:} entry named {@code name} (as {@link #setImage(String, String, String,
   * String)} does) to what a reference says: a tag alone sets {@code newTag} and removes a stale
   * {@code digest}; a digest alone sets {@code digest} and removes a stale {@code newTag}; both set
   * both; neither keeps both (so setting only a new name keeps the tag).
   *
   * @param newName {@code null} leaves {@code newName} untouched
   * @param newTag the tag, or {@code null}
   * @param digest the digest ({@code sha256:…}), or {@code null}
   */
  public static String setImage(
      String kustomizationYamlText, String name, String newName, String newTag, String digest) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("image name must be given");
    }
    SourceText src = new SourceText(kustomizationYamlText);
    Optional<Node> root = compose(kustomizationYamlText);
    Wanted wanted = new Wanted(name, newName, newTag, digest);
    if (root.isEmpty()) {
      src.insert(src.text.length(), "images:\n" + ImagesBlock.entry(wanted, "", "  ", null));
      return src.result();
    }
    if (!(root.get() instanceof MappingNode doc)) {
      throw new IllegalArgumentException("kustomization is not a mapping");
    }
    NodeTuple images = null;
    for (NodeTuple t : doc.getValue()) {
      // kustomize decodes the kustomization with Go's encoding/json: Images: is images:
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equalsIgnoreCase("images")) {
        if (images != null) {
          throw new IllegalArgumentException("kustomization has more than one images key");
        }
        images = t;
      }
    }
    ImagesBlock block = new ImagesBlock(src, wanted);
    if (images == null) {
      if (doc.getFlowStyle() == FlowStyle.FLOW) {
        throw new IllegalArgumentException("kustomization is a flow mapping; cannot add images");
      }
      block.appendImagesKey(doc);
    } else {
      block.edit(doc, images);
    }
    return src.result();
  }

  private static Optional<Node> compose(String text) {
    LoadSettings settings = LoadSettings.builder().setLabel("kustomization").build();
    try {
      return new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)))
          .getSingleNode();
    } catch (YamlEngineException e) {
      String msg = String.valueOf(e.getMessage()).strip().replaceAll("\\s*\\n\\s*", " ");
      throw new IllegalArgumentException("invalid YAML in kustomization: " + msg, e);
    }
  }

  /** What the entry should say. */
  record Wanted(String name, String newName, String newTag, String digest) {
    /** The fields an entry may carry besides name, in the order new ones are written. */
    static final List<String> FIELDS = List.of("newName", "newTag", "digest");

    /** The value to set for a field, or null when the field is kept or removed. */
    String value(String field) {
      return switch (field) {
        case "newName" -> newName;
        case "newTag" -> newTag;
        case "digest" -> digest;
        default -> null;
      };
    }

    /**
     * True when an existing field must go: a tag without digest drops the digest and vice versa.
     */
    boolean removes(String field) {
      return (field.equals("newTag") && newTag == null && digest != null)
          || (field.equals("digest") && digest == null && newTag != null);
    }
  }

  static ScalarNode scalarValue(MappingNode map, String key) {
    NodeTuple t = tuple(map, key);
    return t != null && t.getValueNode() instanceof ScalarNode s ? s : null;
  }

  /**
   * The entry's tuple for the field {@code key}, matched case-insensitively as kustomize matches
   * it; two keys for one field (which kustomize merges in sorted key order) are not edited.
   */
  static NodeTuple tuple(MappingNode map, String key) {
    NodeTuple found = null;
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equalsIgnoreCase(key)) {
        if (found != null) {
          throw new IllegalArgumentException(
              "an images entry has two keys for "
                  + key
                  + " ("
                  + ((ScalarNode) found.getKeyNode()).getValue()
                  + ", "
                  + k.getValue()
                  + "); write one");
        }
        found = t;
      }
    }
    return found;
  }

  /** The field an entry's key names, as kustomize matches it: newtag is newTag. */
  static String field(String key) {
    for (String f : List.of("name", "newName", "newTag", "digest", "tagSuffix")) {
      if (f.equalsIgnoreCase(key)) {
        return f;
      }
    }
    return key;
  }

  static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    return "a scalar (" + ((ScalarNode) node).getValue() + ")";
  }
}
