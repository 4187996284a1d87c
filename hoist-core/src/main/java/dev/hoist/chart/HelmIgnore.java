package dev.hoist.chart;

import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A chart's {@code .helmignore}, as Helm reads it: one shell glob per line ({@code *}, {@code ?},
 * {@code [...]}; {@code **} is refused as Helm refuses it), {@code #} comments, {@code !} to
 * re-include, a trailing {@code /} for directories only; a pattern without {@code /} matches a name
 * at any depth, one with {@code /} the path from the chart root. The last matching line decides.
 * Helm's default rule (hidden files under {@code templates/}) comes first.
 */
final class HelmIgnore {
  static final String FILE = ".helmignore";

  private record Rule(Pattern pattern, boolean negate, boolean dirOnly, boolean whole) {}

  private final List<Rule> rules = new ArrayList<>();

  private HelmIgnore() {}

  static HelmIgnore read(Path chartDir) {
    HelmIgnore ignore = new HelmIgnore();
    ignore.add("templates/.?*", chartDir, 0);
    Path file = chartDir.resolve(FILE);
    if (Files.isRegularFile(file)) {
      List<String> lines;
      try {
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new HoistException(ExitCode.CONFIG, file + ": cannot read: " + e.getMessage());
      }
      for (int i = 0; i < lines.size(); i++) {
        ignore.add(lines.get(i).trim(), chartDir, i + 1);
      }
    }
    return ignore;
  }

  private void add(String line, Path chartDir, int lineNo) {
    if (line.isEmpty() || line.startsWith("#")) {
      return;
    }
    if (line.contains("**")) {
      throw new HoistException(
          ExitCode.CONFIG,
          chartDir.resolve(FILE)
              + ":"
              + lineNo
              + ": '"
              + line
              + "': ** is not supported in .helmignore (Helm refuses it too)");
    }
    boolean negate = line.startsWith("!");
    String p = negate ? line.substring(1) : line;
    boolean dirOnly = p.endsWith("/");
    if (dirOnly) {
      p = p.substring(0, p.length() - 1);
    }
    boolean whole = p.contains("/");
    if (p.startsWith("/")) {
      p = p.substring(1);
    }
    rules.add(new Rule(Pattern.compile(regex(p)), negate, dirOnly, whole));
  }

  /** Whether {@code path} (relative, '/'-separated) is left out of the package. */
  boolean ignored(String path, boolean dir) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    boolean ignored = false;
    for (Rule rule : rules) {
      if (rule.dirOnly() && !dir) {
        continue;
      }
      if (rule.pattern().matcher(rule.whole() ? path : name).matches()) {
        ignored = !rule.negate();
      }
    }
    return ignored;
  }

  private static String regex(String glob) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> out.append("[^/]*");
        case '?' -> out.append("[^/]");
        case '[' -> {
          int end = glob.indexOf(']', i + 2);
          if (end < 0) {
            out.append("\\[");
          } else {
            String set = glob.substring(i + 1, end);
            if (set.startsWith("!") || set.startsWith("^")) {
              set = "^" + set.substring(1);
            }
            out.append('[').append(set.replace("\\", "\\\\")).append(']');
            i = end;
          }
        }
        case '\\' -> {
          if (i + 1 < glob.length()) {
            out.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
          }
        }
        default -> out.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return out.toString();
  }
}
