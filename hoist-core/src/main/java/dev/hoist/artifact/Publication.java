package dev.hoist.artifact;

import dev.hoist.oci.Digest;
import java.util.List;

/**
 * What a push did.
 *
 * @param digest the artifact manifest's digest
 * @param tags every requested tag that now names the artifact (pushed or already there)
 * @param pushed the tags whose manifest was put in this push (empty: nothing was sent)
 * @param notes one line per decision worth telling: a forced move, {@code latest} left alone
 */
public record Publication(
    Digest digest, List<String> tags, List<String> pushed, List<String> notes) {
  public Publication {
    tags = List.copyOf(tags);
    pushed = List.copyOf(pushed);
    notes = List.copyOf(notes);
  }

  /** Whether the registry already held everything: no blob and no manifest was sent. */
  public boolean unchanged() {
    return pushed.isEmpty();
  }
}
