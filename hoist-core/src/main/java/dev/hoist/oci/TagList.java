package dev.hoist.oci;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code /v2/<name>/tags/list}, following {@code Link: <...>; rel="next"} pages: at most
 * {@link #MAX_PAGES} pages, and a page that links to one already read (a registry looping on its
 * own {@code last}) is an error rather than an endless walk.
 */
final class TagList {
  /** The most pages one listing reads (100 pages of the registry's page size). */
  static final int MAX_PAGES = 100;

  private TagList() {}

  /** All tags, in the registry's order; empty when the repository does not exist (404). */
  static List<String> fetch(RegistryRepository repo, Transport transport) throws IOException {
    List<String> tags = new ArrayList<>();
    URI next = repo.url("tags/list");
    java.util.Set<URI> read = new java.util.HashSet<>();
    while (next != null) {
      if (!read.add(next)) {
        throw new RegistryException(
            "registry "
                + repo.registry()
                + ": listing tags of "
                + repo.name()
                + ": the registry's Link header leads back to "
                + next.getRawPath()
                + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery())
                + " (a page already read); stopping",
            0,
            "");
      }
      if (read.size() > MAX_PAGES) {
        throw new RegistryException(
            "registry "
                + repo.registry()
                + ": listing tags of "
                + repo.name()
                + ": more than "
                + MAX_PAGES
                + " pages ("
                + tags.size()
                + " tags read); stopping",
            0,
            "");
      }
      Transport.Call get =
          repo.call("GET", next, Map.of("Accept", "application/json"), null, repo.pullScope());
      try (Response r = transport.send(get)) {
        if (r.status() == 404 && tags.isEmpty()) {
          return List.of();
        }
        if (r.status() != 200) {
          throw transport.error(get, r, "listing tags");
        }
        for (JsonNode tag :
            OciJson.MAPPER
                .readTree(r.readAll(RegistryRepository.MAX_MANIFEST, "tag list of " + repo.name()))
                .path("tags")) {
          tags.add(tag.asText());
        }
        URI current = next;
        next = LinkHeader.next(r.header("Link").orElse(null)).map(current::resolve).orElse(null);
      }
    }
    return List.copyOf(tags);
  }
}
