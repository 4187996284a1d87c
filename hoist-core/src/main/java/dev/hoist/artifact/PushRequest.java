package dev.hoist.artifact;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code hoist artifact push}: what to pack and where to push it.
 *
 * @param url {@code oci://REPO:TAG}
 * @param path the directory or file to pack
 * @param source the source annotation, or null to take the git checkout's remote URL
 * @param revision the revision annotation, or null to take {@code <tag or branch>@sha1:<commit>}
 * @param annotations extra manifest annotations (win over source, revision and created on a clash)
 * @param reproducible created = 1970-01-01T00:00:00Z; otherwise the commit time in a checkout, else
 *     now
 * @param options ignore list and symlink handling
 * @param force move a version tag that names another artifact
 * @param extraTags more tags for the same manifest (e.g. {@code latest}), after the URL's tag
 */
public record PushRequest(
    String url,
    Path path,
    String source,
    String revision,
    Map<String, String> annotations,
    boolean reproducible,
    ArtifactOptions options,
    boolean force,
    List<String> extraTags) {
  public PushRequest {
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    options = options == null ? ArtifactOptions.defaults() : options;
    extraTags = extraTags == null ? List.of() : List.copyOf(extraTags);
  }
}
