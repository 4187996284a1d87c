package dev.hoist.oci;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code rel="next"} target of an RFC 8288 {@code Link} header, as used for tag list
 * pagination.
 */
final class LinkHeader {
  private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]*)*)");
  private static final Pattern NEXT = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]*)\"?");

  private LinkHeader() {}

  static Optional<String> next(String header) {
    if (header == null) {
      return Optional.empty();
    }
    Matcher link = LINK.matcher(header);
    while (link.find()) {
      Matcher rel = NEXT.matcher(link.group(2));
      while (rel.find()) {
        for (String value : rel.group(1).trim().split("\\s+", -1)) {
          if (value.equals("next")) {
            return Optional.of(link.group(1));
          }
        }
      }
    }
    return Optional.empty();
  }
}
