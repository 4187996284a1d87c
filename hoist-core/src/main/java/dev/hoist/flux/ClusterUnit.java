package dev.hoist.flux;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one cluster reconciles for a project: the OCI artifact to pull ({@code url} + {@code ref})
 * and the overlay path inside it to apply.
 *
 * @param cluster the cluster's name (not written into the objects; safe as a file name)
 * @param name the objects' name, the project
 * @param namespace the objects' namespace; {@code null} means {@code flux-system}
 * @param url {@code oci://host/repository}
 * @param ref the artifact reference policy
 * @param interval reconcile interval; {@code null} means one minute (the Flux CLI default)
 * @param timeout Kustomization timeout; {@code null} means two minutes when {@code waitReady}, else
 *     none
 * @param path path in the artifact, e.g. {@code ./overlays/dev}; normalised as {@code flux} does
 * @param prune garbage-collect removed objects
 * @param waitReady wait for applied objects to become ready (the spec's {@code wait}; {@code wait}
 *     is taken by Object)
 */
public record ClusterUnit(
    String cluster,
    String name,
    String namespace,
    String url,
    RefPolicy ref,
    Duration interval,
    Duration timeout,
    String path,
    boolean prune,
    boolean waitReady) {
  /** The namespace Flux objects go to unless another is given. */
  public static final String DEFAULT_NAMESPACE = "flux-system";

  private static final Pattern NAME =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern CLUSTER = Pattern.compile("[A-Za-z0-9._-]+");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  public ClusterUnit {
    if (cluster == null
        || !CLUSTER.matcher(cluster).matches()
        || cluster.equals(".")
        || cluster.equals("..")) {
      throw new IllegalArgumentException(
          "invalid cluster name (letters, digits, '.', '_', '-'): " + cluster);
    }
    if (name == null || name.length() > 253 || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "invalid Flux object name for cluster " + cluster + ": " + name);
    }
    namespace = namespace == null ? DEFAULT_NAMESPACE : namespace;
    if (namespace.length() > 63 || !LABEL.matcher(namespace).matches()) {
      throw new IllegalArgumentException(
          "invalid namespace for cluster " + cluster + ": " + namespace);
    }
    if (url == null || !url.startsWith("oci://") || url.length() == "oci://".length()) {
      throw new IllegalArgumentException(
          "url for cluster " + cluster + " must start with oci://: " + url);
    }
    Objects.requireNonNull(ref, "ref");
    interval = interval == null ? Duration.ofMinutes(1) : interval;
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException(
          "interval for cluster " + cluster + " must be positive: " + interval);
    }
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException(
          "timeout for cluster " + cluster + " must be positive: " + timeout);
    }
    path = SafePath.normalise(path, cluster);
  }
}
