package dev.hoist.sbom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hoist.oci.Descriptor;
import dev.hoist.oci.Digest;
import dev.hoist.oci.Repository;
import dev.hoist.testing.InMemoryRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Referrers both ways: through a registry's referrers API when it has one (no tag index written),
 * and through the tag schema when it has not (CNCF distribution 2.8; the real registry tests cover
 * that path too).
 */
class ReferrersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] SBOM =
      "{\"bomFormat\":\"CycloneDX\"}".getBytes(StandardCharsets.UTF_8);

  /** The pushes the repositories below saw (their method names), in order. */
  private static final List<String> WRITES = new java.util.ArrayList<>();

  /**
   * {@code store}, its pushes recorded in {@link #WRITES}; with {@code api}, a referrers API that
   * lists the stored manifests with that subject.
   */
  private static final class WithReferrersApi {
    private WithReferrersApi() {}

    static Repository of(InMemoryRepository store) {
      return of(store, true);
    }

    static Repository of(InMemoryRepository store, boolean api) {
      return (Repository)
          java.lang.reflect.Proxy.newProxyInstance(
              Repository.class.getClassLoader(),
              new Class<?>[] {Repository.class},
              (proxy, method, args) -> {
                if (method.getName().equals("referrers") && api) {
                  return Optional.of(index(store, (Digest) args[0]));
                }
                if (method.getName().startsWith("push")) {
                  WRITES.add(method.getName());
                }
                try {
                  return method.invoke(store, args);
                } catch (java.lang.reflect.InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    }

    private static byte[] index(InMemoryRepository store, Digest subject) throws IOException {
      ObjectNode index = JSON.createObjectNode();
      index.put("schemaVersion", 2);
      index.put("mediaType", "application/vnd.oci.image.index.v1+json");
      ArrayNode manifests = index.putArray("manifests");
      for (Map.Entry<Digest, ?> e : store.manifests.entrySet()) {
        var m = JSON.readTree(store.fetchManifest(e.getKey().toString()).content());
        if (subject.toString().equals(m.path("subject").path("digest").asText())) {
          ObjectNode entry = manifests.addObject();
          entry.put("mediaType", m.path("mediaType").asText());
          entry.put("digest", e.getKey().toString());
          entry.put("artifactType", m.path("artifactType").asText());
        }
      }
      return JSON.writeValueAsBytes(index);
    }
  }

  private static Descriptor image(Repository repo) throws IOException {
    byte[] manifest =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\"}"
            .getBytes(StandardCharsets.UTF_8);
    Digest digest =
        repo.pushManifest(manifest, "application/vnd.oci.image.manifest.v1+json", List.of("1.0"));
    return new Descriptor("application/vnd.oci.image.manifest.v1+json", digest, manifest.length);
  }

  @Test
  void aRegistryWithTheReferrersApiListsTheSbomItself() throws Exception {
    InMemoryRepository store = new InMemoryRepository("r.example/app");
    Repository repo = WithReferrersApi.of(store);
    Descriptor subject = image(repo);
    Digest sbom = Referrers.attach(repo, subject, CycloneDx.MEDIA_TYPE, SBOM);
    assertFalse(store.tags.containsKey(Referrers.tag(subject.digest())), "no tag schema index");
    // attached again: the API lists it already, nothing is stored
    WRITES.clear();
    assertEquals(sbom, Referrers.attach(repo, subject, CycloneDx.MEDIA_TYPE, SBOM));
    assertEquals(List.of(), WRITES);
    assertArrayEquals(
        SBOM, Referrers.find(repo, subject.digest(), CycloneDx.MEDIA_TYPE).orElseThrow());
  }

  @Test
  void withoutTheApiTheTagSchemaIndexListsIt() throws Exception {
    InMemoryRepository store = new InMemoryRepository("r.example/app");
    Repository repo = WithReferrersApi.of(store, false);
    Descriptor subject = image(repo);
    Digest sbom = Referrers.attach(repo, subject, CycloneDx.MEDIA_TYPE, SBOM);
    assertTrue(store.tags.containsKey(Referrers.tag(subject.digest())));
    // attached twice: listed once, nothing stored the second time
    WRITES.clear();
    assertEquals(sbom, Referrers.attach(repo, subject, CycloneDx.MEDIA_TYPE, SBOM));
    assertEquals(List.of(), WRITES);
    var index =
        JSON.readTree(
            repo.fetchManifest(store.tags.get(Referrers.tag(subject.digest())).toString())
                .content());
    assertEquals(1, index.path("manifests").size());
    assertArrayEquals(
        SBOM, Referrers.find(repo, subject.digest(), CycloneDx.MEDIA_TYPE).orElseThrow());
  }
}
