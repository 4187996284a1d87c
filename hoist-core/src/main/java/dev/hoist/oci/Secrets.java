package dev.hoist.oci;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps credentials out of everything hoist prints or stores. Every credential hoist uses (a
 * password, a token, their base64 forms) is registered when it is read; {@link #redact} replaces
 * them with {@code ***} and drops the user-info of URLs ({@code https://user:token@host/…} becomes
 * {@code https://host/…}). The command line redacts every line it prints on stderr; {@link
 * #withoutUserInfo} is applied wherever a URL is stored (annotations, labels).
 */
public final class Secrets {
  /** Shorter values are not treated as secrets (they would redact ordinary words). */
  static final int MIN_LENGTH = 4;

  private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
  private static final Pattern USER_INFO =
      Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s\"'<>]+@");

  private Secrets() {}

  /** Registers a secret value and its base64 form. */
  public static void register(String secret) {
    if (secret == null || secret.length() < MIN_LENGTH) {
      return;
    }
    SECRETS.add(secret);
    SECRETS.add(base64(secret));
  }

  /**
   * Registers a user's password: the password, and {@code user:password} as Basic auth sends it.
   */
  public static void register(String user, String password) {
    register(password);
    if (password != null && password.length() >= MIN_LENGTH) {
      SECRETS.add(base64(user + ":" + password));
    }
  }

  /** The text with every registered secret replaced by {@code ***} and URL user-info removed. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = withoutUserInfo(text);
    if (SECRETS.isEmpty()) {
      return out;
    }
    // longest first, so that a secret inside another one is not half-replaced
    for (String secret :
        SECRETS.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
      if (out.contains(secret)) {
        out = out.replace(secret, "***");
      }
    }
    return out;
  }

  /** Every {@code scheme://user[:password]@} in the text written as {@code scheme://}. */
  public static String withoutUserInfo(String text) {
    if (text == null || text.indexOf('@') < 0) {
      return text;
    }
    Matcher m = USER_INFO.matcher(text);
    return m.find() ? m.replaceAll("$1") : text;
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
