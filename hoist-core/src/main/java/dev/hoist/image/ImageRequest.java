package dev.hoist.image;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What to build an application on and how to stamp it.
 *
 * @param base the base image
 * @param created the image creation time (the commit time), recorded in the config and history
 * @param tags tags to give the image (at least one for a registry target)
 * @param labels image labels; must hold {@code org.opencontainers.image.source}, {@code .revision}
 *     and {@code .version}. {@code org.opencontainers.image.created} is set from {@code created}.
 * @param toolVersion hoist's version, recorded in the image history as {@code hoist:<version>}
 * @param platforms {@code os/architecture} pairs to build; empty for the base image's (one
 *     manifest). Two or more give an OCI image index with one manifest per platform.
 * @param offline use only the local base-layer cache and local bases; fail when something is
 *     missing
 */
public record ImageRequest(
    BaseImage base,
    Instant created,
    List<String> tags,
    Map<String, String> labels,
    String toolVersion,
    List<String> platforms,
    boolean offline) {

  public static final String LABEL_SOURCE = "org.opencontainers.image.source";
  public static final String LABEL_REVISION = "org.opencontainers.image.revision";
  public static final String LABEL_VERSION = "org.opencontainers.image.version";
  public static final String LABEL_CREATED = "org.opencontainers.image.created";

  private static final DateTimeFormatter RFC3339_SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  public ImageRequest {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(toolVersion, "toolVersion");
    tags = tags == null ? List.of() : List.copyOf(tags);
    for (String tag : tags) {
      if (!tag.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")) {
        throw new IllegalArgumentException("invalid image tag: " + tag);
      }
    }
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    for (String required : List.of(LABEL_SOURCE, LABEL_REVISION)) {
      if (!labels.containsKey(required)) {
        throw new IllegalArgumentException("image label " + required + " is missing");
      }
    }
    platforms = platforms == null ? List.of() : List.copyOf(platforms);
    for (String platform : platforms) {
      if (!platform.matches("[a-z0-9]+/[a-z0-9_]+")) {
        throw new IllegalArgumentException(
            "invalid platform '" + platform + "' (expected os/arch, e.g. linux/arm64)");
      }
    }
    if (platforms.stream().distinct().count() != platforms.size()) {
      throw new IllegalArgumentException("platform listed twice: " + platforms);
    }
    String createdLabel = labels.get(LABEL_CREATED);
    if (createdLabel != null && !createdLabel.equals(rfc3339(created))) {
      throw new IllegalArgumentException(
          "image label "
              + LABEL_CREATED
              + "="
              + createdLabel
              + " differs from created "
              + rfc3339(created));
    }
  }

  /** A request for the base image's platform, online. */
  public ImageRequest(
      BaseImage base,
      Instant created,
      List<String> tags,
      Map<String, String> labels,
      String toolVersion) {
    this(base, created, tags, labels, toolVersion, List.of(), false);
  }

  /** The labels the image gets, sorted, with {@code org.opencontainers.image.created} set. */
  public Map<String, String> imageLabels() {
    Map<String, String> all = new TreeMap<>(labels);
    all.put(LABEL_CREATED, rfc3339(created));
    return all;
  }

  /**
   * The creation time truncated to seconds, as {@code 2026-01-02T03:04:05Z}; no time zone involved.
   */
  static String rfc3339(Instant instant) {
    return RFC3339_SECONDS.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}
