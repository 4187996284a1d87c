package dev.hoist.chart;

import java.util.List;

/**
 * What {@code hoist chart push} did for one chart.
 *
 * @param url {@code oci://REGISTRY/NAMESPACE/NAME}
 * @param pushed false when the version was there already with this content (nothing was sent)
 */
public record ChartPush(
    String name,
    String version,
    String url,
    String tag,
    String digest,
    boolean pushed,
    List<String> notes,
    String signature) {

  /** An unsigned push. */
  public ChartPush(
      String name,
      String version,
      String url,
      String tag,
      String digest,
      boolean pushed,
      List<String> notes) {
    this(name, version, url, tag, digest, pushed, notes, null);
  }

  /** The same push, signed by the signature manifest {@code signature}. */
  public ChartPush signed(String signature) {
    return new ChartPush(name, version, url, tag, digest, pushed, notes, signature);
  }
}
