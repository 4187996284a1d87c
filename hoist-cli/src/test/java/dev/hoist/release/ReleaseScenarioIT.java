package dev.hoist.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.testing.FaultProxy;
import dev.hoist.testing.RealParts;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI scenario of a repository with two apps, against the real test registry (through a proxy
 * that counts requests): tag v1.0.0 → release → commit what it says to commit → a retry of the same
 * tag is a no-op → change one app → v1.1.0-rc.1 → only that app's image is new → v1.1.0 on the same
 * commit → promotion: the same image digests, tags added, no blob uploaded. No manual step.
 */
@Tag("integration")
@Timeout(300)
class ReleaseScenarioIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private Git git;
  private int minute;

  private void write(String path, String content) throws Exception {
    ShopProject.write(dir, path, content);
  }

  private void commit(String message) throws Exception {
    git.add().addFilepattern(".").call();
    PersonIdent who =
        new PersonIdent(
            "ci",
            "ci@acme.example",
            Instant.parse("2026-05-04T03:00:00Z").plusSeconds(60L * minute++),
            ZoneOffset.UTC);
    git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
  }

  private JsonNode release(String registry) throws Exception {
    ShopProject.Run run =
        ShopProject.hoist(dir, "release", "--registry", registry, "--insecure", "-o", "json");
    assertEquals(0, run.code(), run.err());
    return JSON.readTree(run.out());
  }

  private static Map<String, String> digests(JsonNode result) {
    Map<String, String> out = new HashMap<>();
    result.path("images").forEach(i -> out.put(i.path("name").asText(), i.path("digest").asText()));
    return out;
  }

  @Test
  void tagReleaseRetryChangeOneAppPreReleaseThenPromote() throws Exception {
    try (FaultProxy proxy = new FaultProxy(RealParts.registry())) {
      String registry = proxy.registry() + "/scenario" + Long.toString(System.nanoTime(), 36);
      write(
          "hoist.yaml",
          """
          project: shop
          registry: ghcr.io/acme
          apps:
            - {name: api, jar: api/target/api.jar, mainClass: com.acme.Api}
            - {name: web, jar: web/target/web.jar, mainClass: com.acme.Web}
          overlays: [prod]
          clusters:
            - {name: production, overlay: prod, ref: {semver: ">=1.0.0"}}
          """);
      write(".gitignore", "target/\n");
      write("api/src/Api.java", "class Api {}\n");
      write("web/src/Web.java", "class Web {}\n");
      write("base/kustomization.yaml", "resources: [deploy.yaml]\n");
      write(
          "base/deploy.yaml",
          "apiVersion: v1\nkind: Pod\nmetadata: {name: shop}\nspec:\n  containers:\n"
              + "    - {name: api, image: api}\n    - {name: web, image: web}\n");
      write(
          "overlays/prod/kustomization.yaml",
          "resources: [../../base]\nimages:\n  - {name: api, newTag: x}\n  - {name: web, newTag: x}\n");
      ShopProject.writeJar(dir.resolve("api/target/api.jar"));
      ShopProject.writeJar(dir.resolve("web/target/web.jar"));
      git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
      commit("shop");
      git.tag().setName("v1.0.0").call();

      JsonNode first = release(registry);
      Map<String, String> v100 = digests(first);
      // the release workflow commits what the release says
      assertTrue(first.path("commit").size() > 0, first.toString());
      commit("flux objects of v1.0.0");

      // a CI retry of the tag: the same digests, nothing uploaded
      git.checkout().setName("v1.0.0").call();
      proxy.reset();
      JsonNode retry = release(registry);
      assertEquals(v100, digests(retry));
      assertEquals(
          first.path("artifacts").get(0).path("digest"),
          retry.path("artifacts").get(0).path("digest"));
      assertEquals(0, proxy.count("^(POST|PATCH) .*/blobs/uploads/"), proxy.log.toString());
      git.checkout().setName("main").call();

      // one app changes
      write("web/src/Web.java", "class Web { int v = 2; }\n");
      Path web = dir.resolve("web/target/web.jar");
      java.nio.file.Files.writeString(web, "another build of web");
      commit("web changes");
      git.tag().setName("v1.1.0-rc.1").call();
      JsonNode rc = release(registry);
      Map<String, String> rcDigests = digests(rc);
      assertEquals(v100.get("api"), rcDigests.get("api"), "api did not change: same digest");
      assertNotEquals(v100.get("web"), rcDigests.get("web"));

      // promotion: v1.1.0 on the commit released as v1.1.0-rc.1
      git.tag().setName("v1.1.0").call();
      proxy.reset();
      ShopProject.Run promotion =
          ShopProject.hoist(dir, "release", "--registry", registry, "--insecure", "-o", "json");
      assertEquals(0, promotion.code(), promotion.err());
      assertTrue(
          promotion.err().contains("image api: promotion: 1.1.0-rc.1 built the same digest"),
          promotion.err());
      JsonNode promoted = JSON.readTree(promotion.out());
      assertEquals(rcDigests, digests(promoted));
      assertEquals(0, proxy.count("^(POST|PATCH) .*/blobs/uploads/"), proxy.log.toString());
      assertEquals(0, proxy.count("^PUT .*/blobs/uploads/"), proxy.log.toString());
      assertEquals(
          "[\"1.1.0\",\"latest\"]", promoted.path("artifacts").get(0).path("tags").toString());
    }
  }
}
