package dev.hoist.config;

import java.util.regex.Pattern;

/**
 * Where a project publishes: {@code HOST[:PORT]/NAMESPACE} (images go to {@code <prefix>/<app>},
 * the artifact to {@code <prefix>/manifests/<project>}). The same rule for hoist.yaml's {@code
 * registry:} and every {@code --registry}.
 */
public final class RegistryPrefix {
  /** The expected form, as error messages name it. */
  public static final String FORM = "HOST[:PORT]/NAMESPACE";

  private static final Pattern VALID = Pattern.compile("[^/\\s:]+(:[0-9]+)?(/[^/\\s:]+)+");

  private RegistryPrefix() {}

  /** Whether {@code registry} has a host, an optional port and at least one namespace part. */
  public static boolean valid(String registry) {
    return registry != null && VALID.matcher(registry).matches();
  }

  /**
   * The one-line refusal of a {@code --registry} value, or null when it is valid: {@code --registry
   * 127.0.0.1:5000: expected HOST[:PORT]/NAMESPACE}.
   */
  public static String problem(String registry) {
    return valid(registry) ? null : "--registry " + registry + ": expected " + FORM;
  }
}
