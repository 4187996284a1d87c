package dev.hoist.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.testing.Processes;
import dev.hoist.testing.RealParts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Maven builds of the sample projects with the plugin, pushing to the test registry; what they
 * push is read back with skopeo and compared with what the CLI pushes for the same commit.
 */
@Tag("integration")
class MavenPluginIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  private String skopeo(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(RealParts.tool("skopeo").toString()));
    command.add("--tls-verify=false");
    command.addAll(List.of(args));
    return Processes.run(tmp, command).requireSuccess().stdout();
  }

  /** The digest of the manifest {@code ref} names, computed from its bytes (not hoist's word). */
  private String digest(String ref) throws Exception {
    byte[] raw = skopeo("inspect", "--raw", "docker://" + ref).getBytes(StandardCharsets.UTF_8);
    return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
  }

  private JsonNode config(String ref) throws Exception {
    return JSON.readTree(skopeo("inspect", "--config", "docker://" + ref)).get("config");
  }

  /** Every file path in the image's layers, read with skopeo and tar. */
  private String files(String ref) throws Exception {
    Path dir = java.nio.file.Files.createTempDirectory(tmp, "image");
    skopeo("copy", "docker://" + ref, "dir:" + dir);
    StringBuilder files = new StringBuilder();
    for (JsonNode layer :
        JSON.readTree(skopeo("inspect", "--raw", "docker://" + ref)).get("layers")) {
      String blob = layer.get("digest").asText().substring("sha256:".length());
      files.append(Processes.run(dir, List.of("tar", "-tzf", blob)).requireSuccess().stdout());
    }
    return files.toString();
  }

  private static JsonNode cliRelease(SampleBuild build, String registry) throws Exception {
    return cliRelease(build, registry, "target/hoist/hoist.yaml");
  }

  private static JsonNode cliRelease(SampleBuild build, String registry, String config)
      throws Exception {
    Processes.Result cli =
        build
            .hoist(
                "release", "--config", config, "--registry", registry, "--insecure", "-o", "json")
            .requireSuccess();
    return JSON.readTree(cli.stdout());
  }

  @Test
  void aServiceWithoutHoistYamlIsReleasedAsJibWouldAndAsTheCliDoes() throws Exception {
    String registry = RealParts.registry();
    SampleBuild build = SampleBuild.checkout("single", tmp);
    Processes.Result mvn =
        build
            .mvn(
                "package",
                "hoist:release",
                "-Dhoist.registry=" + registry + "/mvn",
                "-Dhoist.insecure=true")
            .requireSuccess();
    assertTrue(mvn.stdout().contains("hoist: released 1.2.3"), mvn.stdout());

    String image = digest(registry + "/mvn/greeter:1.2.3");
    assertEquals(image, digest(registry + "/mvn/greeter:latest"));
    JsonNode config = config(registry + "/mvn/greeter:1.2.3");
    String entrypoint = config.get("Entrypoint").toString();
    assertTrue(entrypoint.contains("dev.example.Greeter"), entrypoint);
    String files = files(registry + "/mvn/greeter:1.2.3");
    assertTrue(files.contains("app/libs/snakeyaml-engine-3.1.1.jar"), files);
    assertTrue(files.contains("app/app.jar"), files);
    assertTrue(config.get("ExposedPorts").has("8080/tcp"), config.toString());
    assertEquals("65532", config.get("User").asText());
    String artifact = digest(registry + "/mvn/manifests/greeter:1.2.3");

    // the CLI releases the same commit to the same place: a re-run that must find every digest
    // equal
    // (a version tag naming another artifact is refused)
    JsonNode cli = cliRelease(build, registry + "/mvn");
    assertEquals(image, cli.get("images").get(0).get("digest").asText());
    assertEquals(artifact, cli.get("artifacts").get(0).get("digest").asText());
  }

  @Test
  void eachDeployableModuleOfAMultiModuleBuildIsAnImage() throws Exception {
    String registry = RealParts.registry();
    SampleBuild build = SampleBuild.checkout("multi", tmp);
    Processes.Result mvn =
        build
            .mvn(
                "package",
                "hoist:release",
                "-Dhoist.registry=" + registry + "/shop",
                "-Dhoist.insecure=true")
            .requireSuccess();
    assertTrue(mvn.stdout().contains("hoist: api is not an app: no main class"), mvn.stdout());

    String orders = digest(registry + "/shop/orders:1.2.3");
    String billing = digest(registry + "/shop/billing:1.2.3");
    assertNotEquals(orders, billing);
    String ordersFiles = files(registry + "/shop/orders:1.2.3");
    assertTrue(ordersFiles.contains("app/libs/api-1.0.0-SNAPSHOT.jar"), ordersFiles);
    JsonNode billingConfig = config(registry + "/shop/billing:1.2.3");
    assertTrue(billingConfig.get("Entrypoint").toString().contains("dev.example.billing.Billing"));
    assertTrue(billingConfig.get("ExposedPorts").has("9090/tcp"), billingConfig.toString());
    Processes.Result api =
        Processes.run(
            tmp,
            List.of(
                RealParts.tool("skopeo").toString(),
                "inspect",
                "--tls-verify=false",
                "--raw",
                "docker://" + registry + "/shop/api:1.2.3"));
    assertNotEquals(0, api.exitCode(), "a library module is not an image");

    JsonNode cli = cliRelease(build, registry + "/shop");
    assertEquals(orders, cli.get("images").get(0).get("digest").asText());
    assertEquals(billing, cli.get("images").get(1).get("digest").asText());
  }

  @Test
  void compiledClassesAndDependenciesAreAnImageWithoutAJar() throws Exception {
    String registry = RealParts.registry();
    SampleBuild build = SampleBuild.checkout("single", tmp);
    build
        .mvn(
            "compile",
            "hoist:build",
            "-Dhoist.mainClass=dev.example.Greeter",
            "-Dhoist.registry=" + registry + "/classes",
            "-Dhoist.insecure=true")
        .requireSuccess();
    String image = digest(registry + "/classes/greeter:1.2.3");
    String entrypoint = config(registry + "/classes/greeter:1.2.3").get("Entrypoint").toString();
    assertTrue(entrypoint.contains("/app/classes"), entrypoint);
    assertTrue(
        files(registry + "/classes/greeter:1.2.3").contains("app/libs/snakeyaml-engine-3.1.1.jar"));
    assertTrue(entrypoint.contains("dev.example.Greeter"), entrypoint);

    JsonNode cli =
        JSON.readTree(
            build
                .hoist(
                    "image",
                    "build",
                    "--config",
                    "target/hoist/hoist.yaml",
                    "--registry",
                    registry + "/classes-cli",
                    "--insecure",
                    "-o",
                    "json")
                .requireSuccess()
                .stdout());
    assertEquals(image, cli.get("images").get(0).get("digest").asText());
  }

  @Test
  void aBadHoistYamlFailsTheBuildWithTheCliMessage() throws Exception {
    SampleBuild build = SampleBuild.checkout("bad", tmp);
    Processes.Result cli = build.hoist("release", "--snapshot", "--dry-run");
    assertEquals(3, cli.exitCode(), cli.stderr());
    String line = cli.stderr().strip();
    assertTrue(line.startsWith("hoist: error: ") && !line.contains("\n"), line);
    String message = line.substring("hoist: error: ".length());

    Processes.Result mvn =
        build.mvn("hoist:release", "-Dhoist.snapshot=true", "-Dhoist.dryRun=true");
    assertNotEquals(0, mvn.exitCode());
    assertTrue(
        mvn.stdout()
            .lines()
            .anyMatch(
                l -> l.startsWith("[ERROR] Failed to execute goal") && l.contains(": " + message)),
        message + "\n" + mvn.stdout());
  }

  @Test
  void everyGoalDoesWhatItsCommandDoesWithAHoistYaml() throws Exception {
    String registry = RealParts.registry();
    Path crds = RealParts.shared("flux-crds");
    SampleBuild build = SampleBuild.checkout("configured", tmp);
    build
        .mvn(
            "package",
            "hoist:release",
            "hoist:flux",
            "hoist:render",
            "hoist:validate",
            "hoist:push",
            "-Dhoist.registry=" + registry + "/conf",
            "-Dhoist.insecure=true",
            "-Dhoist.check=true",
            "-Dhoist.crds=" + crds,
            "-Dhoist.url=oci://" + registry + "/conf/rendered:1.2.3",
            "-Dhoist.path=manifests")
        .requireSuccess();
    String image = digest(registry + "/conf/catalog:1.2.3");
    String artifact = digest(registry + "/conf/manifests/catalog:1.2.3");
    assertTrue(
        java.nio.file.Files.readString(build.dir().resolve("flux/clusters/production/catalog.yaml"))
            .contains("url: oci://" + registry + "/conf/manifests/catalog"));
    assertEquals(
        build.hoist("render", "overlays/prod").requireSuccess().stdout(),
        java.nio.file.Files.readString(build.dir().resolve("manifests/prod.yaml")));
    skopeo("inspect", "--raw", "docker://" + registry + "/conf/rendered:1.2.3");

    JsonNode cli = cliRelease(build, registry + "/conf", "hoist.yaml");
    assertEquals(image, cli.get("images").get(0).get("digest").asText());
    assertEquals(artifact, cli.get("artifacts").get(0).get("digest").asText());
  }
}
