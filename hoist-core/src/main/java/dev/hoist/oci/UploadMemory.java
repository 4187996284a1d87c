package dev.hoist.oci;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one client learnt while pushing, to spend fewer requests on later uploads: a repository
 * where each blob is known to be (to mount it from there rather than upload it again, as skopeo
 * does with its blob cache), and whether a registry stores a blob sent with its upload-starting
 * POST (OCI distribution's single-POST upload; CNCF distribution 2.8 does not, it answers 202 and
 * the content follows in a PUT).
 */
final class UploadMemory {
  private static final int MAX_BLOBS = 4096;

  private final Map<String, String> locations =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > MAX_BLOBS;
        }
      };
  private final Map<String, Boolean> singlePost = new HashMap<>();

  /** Remembers that {@code repository} in {@code registry} holds {@code digest}. */
  synchronized void seen(String registry, Digest digest, String repository) {
    locations.put(registry + " " + digest, repository);
  }

  /** Another repository of {@code registry} known to hold {@code digest}, to mount it from. */
  synchronized Optional<String> source(String registry, Digest digest, String repository) {
    return Optional.ofNullable(locations.get(registry + " " + digest))
        .filter(r -> !r.equals(repository));
  }

  /** Whether to send a blob with the POST: yes until the registry showed it does not take it. */
  synchronized boolean trySinglePost(String registry) {
    return singlePost.getOrDefault(registry, true);
  }

  synchronized void singlePost(String registry, boolean supported) {
    singlePost.put(registry, supported);
  }
}
