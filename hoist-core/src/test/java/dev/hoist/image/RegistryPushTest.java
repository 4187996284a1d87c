package dev.hoist.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.testing.InMemoryRepository;
import dev.hoist.testing.Processes;
import dev.hoist.testing.RealParts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jib pushing to the plain-HTTP test registries, checked with skopeo and against the OCI-tar path.
 */
@Tag("integration")
@Timeout(180)
class RegistryPushTest {
  @TempDir Path dir;

  private final List<String> progress = new ArrayList<>();

  private JibImageBuilder builder() {
    return new JibImageBuilder(dir.resolve("cache"), progress::add);
  }

  private static JsonNode skopeoInspect(String reference, String... auth) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(RealParts.tool("skopeo").toString(), "inspect", "--tls-verify=false"));
    command.addAll(List.of(auth));
    command.add("docker://" + reference);
    return Fixture.JSON.readTree(Processes.run(null, command, 60).requireSuccess().stdout());
  }

  @Test
  void pushedImageHasItsTagsAndLabelsAndTheLayoutDigest() throws Exception {
    String repository = RealParts.registry() + "/hoist-test/demo";
    Fixture f = new Fixture(dir);
    ImageRequest request = Fixture.request(BaseImage.scratch(), List.of("v1", "latest"));
    BuiltImage pushed = builder().build(f.app(), request, ImageTarget.registry(repository, true));

    assertEquals(
        new BuiltImage("demo", repository, pushed.digest(), List.of("v1", "latest")), pushed);
    JsonNode inspect = skopeoInspect(repository + ":v1");
    assertEquals(pushed.digest().toString(), inspect.path("Digest").asText());
    assertEquals(Fixture.JSON.readTree("[\"latest\", \"v1\"]"), inspect.path("RepoTags"));
    assertEquals(
        Fixture.JSON.readTree(
            """
        {"org.opencontainers.image.created": "2026-03-04T05:06:07Z",
         "org.opencontainers.image.source": "https://git.example/demo.git",
         "org.opencontainers.image.revision": "0123456789abcdef0123456789abcdef01234567",
         "org.opencontainers.image.version": "1.2.3",
         "team": "platform"}"""),
        inspect.path("Labels"));
    assertEquals(3, inspect.path("Layers").size());
    assertEquals(pushed.digest().toString(), skopeoInspect(pushed.ref()).path("Digest").asText());

    InMemoryRepository layout = new InMemoryRepository("layout");
    BuiltImage local = builder().build(f.app(), request, ImageTarget.layout(layout));
    assertEquals(pushed.digest(), local.digest());
  }

  @Test
  void pushWithCredentialsToTheAuthRegistry() throws Exception {
    String repository = RealParts.authRegistry() + "/hoist-test/secured";
    String user = System.getenv("HOIST_TEST_AUTH_USER");
    String password = System.getenv("HOIST_TEST_AUTH_PASSWORD");
    Fixture f = new Fixture(dir);
    ImageTarget.Registry target =
        new ImageTarget.Registry(
            repository, true, () -> Optional.of(new ImageTarget.Credentials(user, password)));
    BuiltImage pushed =
        builder().build(f.app(), Fixture.request(BaseImage.scratch(), List.of("v1")), target);

    JsonNode inspect = skopeoInspect(repository + ":v1", "--creds", user + ":" + password);
    assertEquals(pushed.digest().toString(), inspect.path("Digest").asText());
  }

  @Test
  void pushWithoutCredentialsToTheAuthRegistryFailsInOneLine() throws Exception {
    String repository = RealParts.authRegistry() + "/hoist-test/denied";
    Fixture f = new Fixture(dir);
    java.io.IOException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            java.io.IOException.class,
            () ->
                builder()
                    .build(
                        f.app(),
                        Fixture.request(BaseImage.scratch(), List.of("v1")),
                        ImageTarget.registry(repository, true)));
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    org.junit.jupiter.api.Assertions.assertTrue(
        e.getMessage().startsWith("pushing image demo to " + repository + " failed: "),
        e.getMessage());
  }

  @Test
  void pinnedRegistryBaseIsPulledIntoALayoutBuild() throws Exception {
    String registry = RealParts.registry();
    Fixture f = new Fixture(dir);
    Path baseJar = TestJars.write(dir.resolve("base/base.jar"), "dev.base.Main", "base");
    BuiltImage base =
        builder()
            .build(
                JvmApp.of("base", baseJar, List.of()),
                Fixture.request(BaseImage.scratch(), List.of("17")),
                ImageTarget.registry(registry + "/hoist-test/base", true));
    String pinned = registry + "/hoist-test/base:17@" + base.digest();

    InMemoryRepository layout = new InMemoryRepository("layout");
    BuiltImage app =
        builder()
            .build(
                f.app(),
                Fixture.request(BaseImage.parse(pinned).withInsecure(true), List.of("v1")),
                ImageTarget.layout(layout));

    List<dev.hoist.oci.Digest> layers = Fixture.layerDigests(layout, app.digest());
    assertEquals(4, layers.size());
    assertEquals(
        layers.get(0).toString(), skopeoInspect(base.ref()).path("Layers").get(0).asText());
    assertEquals(
        List.of("application", "dependencies", "snapshot dependencies", "application"),
        Fixture.config(layout, app.digest()).path("history").findValuesAsText("comment"));
  }
}
