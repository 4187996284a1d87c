package dev.hoist.yaml;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The timestamps go-yaml resolves from plain scalars: its four layouts ({@code
 * 2006-1-2T15:4:5.999999999Z07:00}, the same with a lower-case {@code t}, {@code 2006-1-2
 * 15:4:5.999999999} without a zone, and {@code 2006-1-2}), parsed with Go's {@code time.Parse}
 * rules: one- or two-digit fields, fields in range, a real calendar day, any number of fraction
 * digits (after {@code .} or {@code ,}), a zone of {@code Z} or {@code ±hh:mm} with hours up to 24
 * and minutes up to 60, nothing left over.
 */
public final class YamlTimestamps {
  private static final Pattern FULL =
      Pattern.compile(
          "(\\d{4})-(\\d{1,2})-(\\d{1,2})([Tt]| )(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:[.,](\\d+))?(Z|[+-]\\d{2}:\\d{2})?");
  private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

  private YamlTimestamps() {}

  static boolean isTimestamp(String s) {
    return parse(s) != null;
  }

  /**
   * What Go's JSON encoding of the parsed time prints (RFC 3339 with nanoseconds: two-digit fields,
   * the fraction without trailing zeros, {@code Z} for a zero offset), or null when {@code s} is
   * not a go-yaml timestamp.
   *
   * @throws IllegalArgumentException for a timestamp Go parses but cannot encode (a zone offset of
   *     24 hours or more)
   */
  public static String rfc3339(String s) {
    Matcher m = parse(s);
    if (m == null) {
      return null;
    }
    StringBuilder out =
        new StringBuilder(35)
            .append(m.group(1))
            .append('-')
            .append(two(m.group(2)))
            .append('-')
            .append(two(m.group(3)));
    if (m.pattern() == DATE) {
      return out.append("T00:00:00Z").toString();
    }
    out.append('T')
        .append(two(m.group(5)))
        .append(':')
        .append(two(m.group(6)))
        .append(':')
        .append(two(m.group(7)));
    String fraction = m.group(8) == null ? "" : m.group(8);
    fraction = fraction.substring(0, Math.min(9, fraction.length())).replaceFirst("0+$", "");
    if (!fraction.isEmpty()) {
      out.append('.').append(fraction);
    }
    String zone = m.group(9);
    int offset =
        zone == null || zone.equals("Z")
            ? 0
            : (zone.charAt(0) == '-' ? -1 : 1)
                * (Integer.parseInt(zone.substring(1, 3)) * 60
                    + Integer.parseInt(zone.substring(4, 6)));
    if (offset == 0) {
      return out.append('Z').toString();
    }
    if (Math.abs(offset) / 60 > 23) {
      throw new IllegalArgumentException(
          "timestamp " + s + ": timezone hour outside of range [0,23]");
    }
    return out.append(offset < 0 ? '-' : '+')
        .append(two(Integer.toString(Math.abs(offset) / 60)))
        .append(':')
        .append(two(Integer.toString(Math.abs(offset) % 60)))
        .toString();
  }

  private static Matcher parse(String s) {
    if (s.length() < 5
        || !s.substring(0, 4).chars().allMatch(c -> c >= '0' && c <= '9')
        || s.charAt(4) != '-') {
      return null;
    }
    Matcher d = DATE.matcher(s);
    if (d.matches()) {
      return validDate(d) ? d : null;
    }
    Matcher m = FULL.matcher(s);
    if (!m.matches() || !validDate(m)) {
      return null;
    }
    boolean spaced = m.group(4).equals(" ");
    if (spaced == (m.group(9) != null)) {
      return null; // the space form has no zone, the T form needs one
    }
    if (m.group(9) != null && m.group(9).length() == 6) {
      int hh = Integer.parseInt(m.group(9).substring(1, 3));
      int mm = Integer.parseInt(m.group(9).substring(4, 6));
      if (hh > 24 || mm > 60) {
        return null;
      }
    }
    boolean inRange =
        Integer.parseInt(m.group(5)) < 24
            && Integer.parseInt(m.group(6)) < 60
            && Integer.parseInt(m.group(7)) < 60;
    return inRange ? m : null;
  }

  private static String two(String digits) {
    return digits.length() == 1 ? "0" + digits : digits;
  }

  private static boolean validDate(Matcher m) {
    int year = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    if (month < 1 || month > 12 || day < 1) {
      return false;
    }
    return day <= java.time.YearMonth.of(year, month).lengthOfMonth();
  }
}
