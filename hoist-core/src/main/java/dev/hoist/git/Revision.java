package dev.hoist.git;

import java.time.Instant;

/**
 * What is being released: the version, the commit and where it came from.
 *
 * @param version the release version: the tag without {@code v}, or {@code 0.0.0-<12 hex>} for a
 *     snapshot
 * @param tag the semver tag at HEAD, or null for a snapshot
 * @param commit the 40-hex commit id
 * @param commitTime the commit's committer time, used as every {@code created} time
 * @param source the remote URL without credentials, or null when the checkout has no remote
 * @param branch the current branch, or null when HEAD is detached
 */
public record Revision(
    Semver version,
    String tag,
    String commit,
    Instant commitTime,
    String source,
    String branch,
    boolean snapshot) {

  /** Flux's revision string: {@code <tag or branch>@sha1:<commit>}, or {@code sha1:<commit>}. */
  public String fluxRevision() {
    String name = tag != null ? tag : branch;
    return (name == null ? "" : name + "@") + "sha1:" + commit;
  }

  /** Whether this release may move {@code latest}: a tagged version without a pre-release part. */
  public boolean movesLatest() {
    return !snapshot && !version.isPrerelease();
  }
}
