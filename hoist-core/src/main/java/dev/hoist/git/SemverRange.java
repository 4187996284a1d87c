package dev.hoist.git;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semver range as Flux understands it ({@code --filter-semver}, Masterminds semver v3):
 * comparisons {@code = != > < >= <= ~ ~> ^}, AND by {@code ,} or space, OR by {@code ||}, {@code x
 * X *} wildcards and missing parts, hyphen ranges {@code A - B} ({@code >= A, <= B}). A pre-release
 * version matches a comparison only when that comparison's version has a pre-release itself.
 */
public final class SemverRange {
  private static final String VERSION =
      "v?([0-9xX*]+)(\\.[0-9xX*]+)?(\\.[0-9xX*]+)?"
          + "(-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?";
  private static final String OPS = "!=|>=|=>|<=|=<|~>|>|<|=|~|\\^|";
  private static final Pattern HYPHEN =
      Pattern.compile(
          "\\s*(" + stripGroups(VERSION) + ")\\s+-\\s+(" + stripGroups(VERSION) + ")\\s*");
  private static final Pattern ONE = Pattern.compile("(" + OPS + ")\\s*(" + VERSION + ")");
  private static final Pattern AND =
      Pattern.compile(
          "\\s*(?:"
              + OPS
              + ")\\s*"
              + stripGroups(VERSION)
              + "\\s*"
              + "(?:(?:\\s+|,\\s*)(?:"
              + OPS
              + ")\\s*"
              + stripGroups(VERSION)
              + "\\s*)*");

  private final String text;
  private final List<List<Comparison>> alternatives;

  private SemverRange(String text, List<List<Comparison>> alternatives) {
    this.text = text;
    this.alternatives = alternatives;
  }

  /** Parses a range; throws {@link IllegalArgumentException} naming it when it is not one. */
  public static SemverRange parse(String range) {
    String rewritten = HYPHEN.matcher(range).replaceAll(">= $1, <= $2");
    List<List<Comparison>> ors = new ArrayList<>();
    for (String part : rewritten.split("\\|\\|", -1)) {
      if (!AND.matcher(part).matches()) {
        throw new IllegalArgumentException(
            "invalid semver range '" + range + "' (at '" + part.trim() + "')");
      }
      List<Comparison> ands = new ArrayList<>();
      Matcher m = ONE.matcher(part);
      while (m.find()) {
        ands.add(Comparison.of(m.group(1), m));
      }
      ors.add(List.copyOf(ands));
    }
    return new SemverRange(range, List.copyOf(ors));
  }

  /**
   * Whether a tag (parsed as Flux parses tags, {@code v} optional) is a version inside the range.
   */
  public boolean matchesTag(String tag) {
    return LooseVersion.parse(tag).map(this::matches).orElse(false);
  }

  public boolean matches(Semver v) {
    return alternatives.stream().anyMatch(all -> all.stream().allMatch(c -> c.test(v)));
  }

  @Override
  public String toString() {
    return text;
  }

  private static String stripGroups(String regex) {
    return regex.replace("(?:", "\u0000").replace("(", "(?:").replace("\u0000", "(?:");
  }
}
