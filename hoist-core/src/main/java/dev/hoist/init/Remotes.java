package dev.hoist.init;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ghcr.io/<owner>} from the checkout's {@code origin} on github.com, if there is one. */
final class Remotes {
  private static final Pattern GITHUB =
      Pattern.compile(
          "(?m)^\\s*url\\s*=\\s*(?:https://|git@|ssh://git@)github\\.com[:/]([A-Za-z0-9-]+)/");

  private Remotes() {}

  static String ghcr(Path dir) throws IOException {
    Path config = dir.resolve(".git/config");
    if (!Files.isRegularFile(config)) {
      return null;
    }
    Matcher m = GITHUB.matcher(Files.readString(config, StandardCharsets.UTF_8));
    return m.find() ? "ghcr.io/" + m.group(1).toLowerCase(java.util.Locale.ROOT) : null;
  }
}
