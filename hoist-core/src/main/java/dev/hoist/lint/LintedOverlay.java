package dev.hoist.lint;

import dev.hoist.yaml.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One rendered overlay as the rules see it: its objects (located at the source lines that produced
 * them), whether it is a production overlay, the project root (for relative file names), and the
 * repositories of the project's own apps (a release pins those by digest itself).
 */
public record LintedOverlay(
    String name,
    boolean production,
    List<Map<String, Object>> objects,
    Path root,
    java.util.Set<String> own) {

  /** Whether {@code image} is one of the project's own apps, which a release pins. */
  public boolean ownImage(String image) {
    int colon = image.lastIndexOf(':');
    String repository = colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
    return own.contains(repository);
  }

  /** A finding of {@code rule} about {@code object}, located at the field {@code path}. */
  public Finding finding(Rule rule, Map<String, Object> object, List<?> path, String message) {
    SourceLocation at = SourceLocation.of(object, path);
    String file = "";
    int line = 0;
    if (at != null) {
      Path p = Path.of(at.file());
      file = (p.isAbsolute() && p.startsWith(root) ? root.relativize(p) : p).toString();
      line = at.line();
    }
    return new Finding(rule.id(), rule.severity(), name, file, line, K8s.describe(object), message);
  }

  /** The objects of {@code kind}. */
  public List<Map<String, Object>> ofKind(String kind) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> o : objects) {
      if (kind.equals(o.get("kind"))) {
        out.add(o);
      }
    }
    return out;
  }
}
