package dev.hoist.oci;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads {@code /v2/<name>/tags/list}, following {@code Link: <...>; rel="next"} pages. */
final class TagList {

  private TagList() {}

  /** All tags, in the registry's order; empty when the repository does not exist (404). */
  static List<String> fetch(RegistryRepository repo, Transport transport) throws IOException {
    List<String> tags = new ArrayList<>();
    URI next = repo.url("tags/list");
    while (next != null) {
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
