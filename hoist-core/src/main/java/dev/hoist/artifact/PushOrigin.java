package dev.hoist.artifact;

import dev.hoist.git.GitInspector;
import dev.hoist.git.Revision;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The source, revision and created annotations of a push: given values win; otherwise they come
 * from the git checkout holding the path (remote URL, {@code <tag or branch>@sha1:<commit>}, commit
 * time). Created is the Unix epoch with {@code --reproducible}, and now outside a checkout.
 */
final class PushOrigin {
  private PushOrigin() {}

  static ArtifactMetadata metadata(PushRequest request, Clock clock) {
    boolean needsGit =
        request.source() == null || request.revision() == null || !request.reproducible();
    Optional<Revision> git =
        !needsGit
            ? Optional.empty()
            : GitInspector.head(
                Files.isDirectory(request.path())
                    ? request.path()
                    : request.path().toAbsolutePath().getParent());
    // in a checkout without a remote the source is empty, as hoist release writes it
    String source =
        request.source() != null
            ? request.source()
            : git.map(r -> r.source() == null ? "" : r.source())
                .orElseThrow(
                    () ->
                        new ArtifactUsageException(
                            "--source is required: "
                                + request.path()
                                + " is not in a git checkout"));
    String revision =
        request.revision() != null
            ? request.revision()
            : git.map(Revision::fluxRevision)
                .orElseThrow(
                    () ->
                        new ArtifactUsageException(
                            "--revision is required: "
                                + request.path()
                                + " is not in a git checkout"));
    Instant created =
        request.reproducible()
            ? Instant.EPOCH
            : git.map(Revision::commitTime).orElseGet(clock::instant);
    return new ArtifactMetadata(source, revision, created, request.annotations());
  }
}
