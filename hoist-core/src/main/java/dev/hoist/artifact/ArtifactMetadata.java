package dev.hoist.artifact;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the artifact manifest says about its origin: the OCI {@code source}, {@code revision} and
 * {@code created} annotations plus extra annotations (which win over the three on a key clash, as
 * in Flux).
 */
public record ArtifactMetadata(
    String source, String revision, Instant created, Map<String, String> annotations) {
  public static final String CREATED = "org.opencontainers.image.created";
  public static final String SOURCE = "org.opencontainers.image.source";
  public static final String REVISION = "org.opencontainers.image.revision";

  public ArtifactMetadata {
    // a CI variable such as GitLab's CI_REPOSITORY_URL carries a token: never published
    source = dev.hoist.oci.Secrets.withoutUserInfo(Objects.requireNonNull(source, "source"));
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(created, "created");
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }

  /** Metadata for {@code --reproducible}: created is the Unix epoch. */
  public static ArtifactMetadata reproducible(
      String source, String revision, Map<String, String> annotations) {
    return new ArtifactMetadata(source, revision, Instant.EPOCH, annotations);
  }

  /** All manifest annotations, sorted by key; created in RFC 3339 seconds with {@code Z}. */
  public Map<String, String> manifestAnnotations() {
    Map<String, String> all = new TreeMap<>();
    all.put(CREATED, created.truncatedTo(ChronoUnit.SECONDS).toString());
    all.put(SOURCE, source);
    all.put(REVISION, revision);
    all.putAll(annotations);
    return all;
  }
}
