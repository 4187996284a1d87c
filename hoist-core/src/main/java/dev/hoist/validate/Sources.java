package dev.hoist.validate;

import dev.hoist.yaml.SafeYaml;
import dev.hoist.yaml.SourceLocation;
import dev.hoist.yaml.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places the problems of a rendered stream at the source file and line that wrote each field: the
 * rendered objects carry kustomize's origin of every value ({@link SourceLocation}); the problem's
 * line picks the document, its path the field.
 */
public final class Sources {
  private static final Pattern SEGMENT = Pattern.compile("\\.([^.\\[]+)|\\[(\\d+)]");

  private final List<Map<String, Object>> objects;
  private final List<Integer> starts = new ArrayList<>();
  private final Path root;

  /**
   * The {@code objects} rendered as {@code yaml} (same order); file names are shown relative to
   * {@code root}.
   */
  public Sources(List<Map<String, Object>> objects, String yaml, String name, Path root) {
    this.objects = objects;
    this.root = root;
    for (YamlNode doc : SafeYaml.parseAll(yaml, name)) {
      starts.add(doc.line());
    }
  }

  /** {@code p} at its source file and line, or as it is when the origin is unknown. */
  public Problem place(Problem p) {
    int doc = -1;
    for (int i = 0; i < starts.size(); i++) {
      if (starts.get(i) <= p.line()) {
        doc = i;
      }
    }
    if (doc < 0 || doc >= objects.size()) {
      return p;
    }
    List<Object> path = new ArrayList<>();
    Matcher m = SEGMENT.matcher(p.path());
    while (m.find()) {
      path.add(m.group(1) != null ? m.group(1) : (Object) Integer.valueOf(m.group(2)));
    }
    SourceLocation at = SourceLocation.of(objects.get(doc), path);
    if (at == null) {
      return p;
    }
    Path source = Path.of(at.file());
    String file =
        (source.isAbsolute() && source.startsWith(root) ? root.relativize(source) : source)
            .toString();
    return new Problem(file, at.line(), p.object(), p.path(), p.message());
  }
}
