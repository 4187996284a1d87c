package dev.hoist.yaml;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The timestamp forms go-yaml v2 resolves from plain scalars. */
final class YamlTimestamps {
  private static final Pattern FULL = Pattern.compile(
      "(\\d{4})-(\\d{1,2})-(\\d{1,2})([Tt]| )(\\d{1,2}):(\\d{1,2}):(\\d{1,2})([.,]\\d+)?(Z|[+-]\\d{2}:\\d{2})?");
  private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

  private YamlTimestamps() {
  }

  static boolean isTimestamp(String s) {
    if (s.length() < 5 || !s.substring(0, 4).chars().allMatch(c -> c >= '0' && c <= '9') || s.charAt(4) != '-') {
      return false;
    }
    Matcher d = DATE.matcher(s);
    if (d.matches()) {
      return validDate(d);
    }
    Matcher m = FULL.matcher(s);
    if (!m.matches() || !validDate(m)) {
      return false;
    }
    boolean spaced = m.group(4).equals(" ");
    if (spaced == (m.group(9) != null)) {
      return false; // the space form has no zone, the T form needs one
    }
    if (m.group(9) != null && m.group(9).length() == 6) {
      int hh = Integer.parseInt(m.group(9).substring(1, 3));
      int mm = Integer.parseInt(m.group(9).substring(4, 6));
      if (hh > 24 || mm > 60) {
        return false;
      }
    }
    return Integer.parseInt(m.group(5)) < 24 && Integer.parseInt(m.group(6)) < 60
        && Integer.parseInt(m.group(7)) < 60;
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
