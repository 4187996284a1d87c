package dev.hoist.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.oci.Descriptor;
import dev.hoist.oci.RegistryRepository;
import dev.hoist.testing.Processes;
import dev.hoist.testing.RealParts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds app images with {@code hoist image build} on a real busybox-static base in the test
 * registry, then runs them under runc and checks what they print and their exit code.
 */
@Tag("integration")
@Timeout(300)
class ImagesRunIT {
  @TempDir static Path shared;
  @TempDir Path dir;

  static String registry;
  static String busybox;

  @BeforeAll
  static void pushBusybox() throws Exception {
    registry = RealParts.registry();
    RealParts.tool("runc");
    RegistryRepository repo = TestBases.repository("hoist-test/busybox");
    LayerTar.Layer layer = TestBases.busyboxLayer(shared);
    Descriptor manifest =
        TestBases.push(repo, List.of(layer), "amd64", "linux/amd64", List.of("1"));
    busybox = repo.name() + "@" + manifest.digest();
  }

  static final String RUN_SH =
      """
      #!/bin/sh
      echo "args=$*"
      echo "greeting=$GREETING"
      echo "pwd=$(pwd)"
      echo "id=$(id -u):$(id -g)"
      stat -c '%a %u:%g %n' /srv/run.sh /srv/data.txt
      if [ -e /srv/.env ]; then echo "dotenv=present"; else echo "dotenv=absent"; fi
      exit 7
      """;

  static String filesYaml(String base) {
    return """
        project: demo
        registry: ghcr.io/hoist-dev
        apps:
          - name: svc
            kind: files
            base: %s
            layers:
              - from: srv
                to: /srv
                owner: "1000:1000"
            entrypoint: [/srv/run.sh]
            cmd: [first, second]
            env: {GREETING: hello}
            workingDir: /srv
            user: "1000:1000"
            labels: {team: platform}
        overlays: [dev]
        """
        .formatted(base);
  }

  static TestProject filesProject(Path dir, String base) throws Exception {
    return TestProject.create(
        dir,
        filesYaml(base),
        Map.of(
            "srv/run.sh*", RUN_SH, "srv/data.txt", "data\n", "srv/.env", "URL=http://localhost\n"),
        "v1.2.0");
  }

  static JsonNode json(Processes.Result result) throws Exception {
    assertEquals(0, result.exitCode(), result.stderr());
    return TestBases.JSON.readTree(result.stdout());
  }

  @Test
  void filesAppRunsAsDeclaredAndARebuildPushesNothing() throws Exception {
    TestProject project = filesProject(dir.resolve("p"), busybox);
    Processes.Result first =
        project.hoist(
            "image", "build", "--registry", registry + "/hoist-run", "--insecure", "-o", "json");
    JsonNode image = json(first).path("images").get(0);
    assertTrue(first.stderr().contains("not adding .env files"), first.stderr());
    assertEquals("svc", image.path("name").asText());
    assertEquals(
        registry + "/hoist-run/svc@" + image.path("digest").asText(), image.path("ref").asText());
    assertEquals("[\"1.2.0\",\"latest\"]", image.path("tags").toString());
    assertEquals("[\"linux/amd64\"]", image.path("platforms").toString());

    Processes.Result run = Runc.run(image.path("ref").asText(), dir.resolve("run"));
    assertEquals(7, run.exitCode(), run.stderr());
    assertEquals(
        List.of(
            "args=first second",
            "greeting=hello",
            "pwd=/srv",
            "id=1000:1000",
            "755 1000:1000 /srv/run.sh",
            "644 1000:1000 /srv/data.txt",
            "dotenv=absent"),
        run.stdout().lines().toList());

    JsonNode again =
        json(project.hoist(
                "image",
                "build",
                "svc",
                "--registry",
                registry + "/hoist-run",
                "--insecure",
                "-q",
                "-o",
                "json"))
            .path("images")
            .get(0);
    assertEquals(image.path("digest"), again.path("digest"));
    assertEquals(true, image.path("pushed").asBoolean());
    assertEquals(false, again.path("pushed").asBoolean());
  }

  @Test
  void jvmAppFromClassesStartsJava() throws Exception {
    RegistryRepository repo = TestBases.repository("hoist-test/busybox-java");
    LayerTar.Layer busyboxLayer = TestBases.busyboxLayer(dir);
    LayerTar.Layer javaLayer = TestBases.javaLayer(dir);
    Descriptor base =
        TestBases.push(
            repo, List.of(busyboxLayer, javaLayer), "amd64", "linux/amd64", List.of("1"));
    String yaml =
        """
        project: demo
        registry: ghcr.io/hoist-dev
        apps:
          - name: hello
            jar: target/classes
            mainClass: demo.Hello
            jvmFlags: [-Xmx32m, -Dgreeting.source=flag]
            base: %s
            env: {GREETING: hi}
            workingDir: /app
            user: "1000"
        overlays: [dev]
        """
            .formatted(repo.name() + "@" + base.digest());
    TestProject project =
        TestProject.create(
            dir.resolve("p"),
            yaml,
            Map.of(
                "src/demo/Hello.java",
                """
        package demo;
        public class Hello {
          public static void main(String[] args) throws Exception {
            String resource = new String(Hello.class.getResourceAsStream("/greeting.txt").readAllBytes()).strip();
            System.out.println("java " + Runtime.version().feature() + " " + resource + " "
                + System.getenv("GREETING") + " " + System.getProperty("greeting.source") + " "
                + System.getProperty("user.dir"));
            System.exit(3);
          }
        }
        """),
            "v2.0.0");
    Path classes = Files.createDirectories(project.dir.resolve("target/classes"));
    int compiled =
        javax.tools.ToolProvider.getSystemJavaCompiler()
            .run(
                null,
                null,
                null,
                "--release",
                "17",
                "-d",
                classes.toString(),
                project.dir.resolve("src/demo/Hello.java").toString());
    assertEquals(0, compiled);
    Files.writeString(classes.resolve("greeting.txt"), "from-resources\n");

    JsonNode image =
        json(project.hoist(
                "image",
                "build",
                "--registry",
                registry + "/hoist-run",
                "--insecure",
                "-q",
                "-o",
                "json"))
            .path("images")
            .get(0);
    Processes.Result run = Runc.run(image.path("ref").asText(), dir.resolve("run"));
    assertEquals(3, run.exitCode(), run.stdout() + run.stderr());
    assertEquals(
        "java " + Runtime.version().feature() + " from-resources hi flag /app",
        run.stdout().strip());
  }
}
