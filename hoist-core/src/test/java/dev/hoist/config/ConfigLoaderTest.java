package dev.hoist.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private static final String VALID =
      """
      project: shop
      registry: ghcr.io/acme
      apps:
        - name: api
          jar: target/api.jar
          classpath: [target/libs]
          jvmFlags: [-Xmx256m]
          ports: [8080, "9090"]
          env: {MODE: "on", PERMS: "0777"}
      overlays: [dev, {name: prod, path: deploy/prod}]
      clusters:
        - name: production
          overlay: prod
          ref: {semver: ">=1.0.0", semverFilter: ".*"}
          interval: 1h30m
        - name: dev
          overlay: dev
          ref: {tag: latest}
      """;

  private ProjectConfig load(String text) throws IOException {
    return Descriptors.load(dir, text);
  }

  private String error(String text) {
    return Descriptors.error(dir, text);
  }

  @Test
  void readsAValidDescriptor() throws IOException {
    ProjectConfig c = load(VALID);
    assertEquals("shop", c.project());
    assertEquals("ghcr.io/acme", c.registry());
    assertEquals("manifests/shop", c.artifactRepository());
    AppConfig api = c.apps().get(0);
    assertEquals("api", api.image());
    assertEquals(Path.of("target/api.jar"), api.jar());
    assertEquals(List.of(Path.of("target/libs")), api.classpath());
    assertEquals(List.of(8080, 9090), api.ports());
    // YAML 1.1 surprises stay strings
    assertEquals(Map.of("MODE", "on", "PERMS", "0777"), api.env());
    assertNull(api.entrypoint());
    assertEquals("scratch", api.base());
    assertEquals(
        List.of(
            new OverlayConfig("dev", Path.of("overlays/dev")),
            new OverlayConfig("prod", Path.of("deploy/prod"))),
        c.overlays());
    ClusterConfig prod = c.clusters().get(0);
    assertEquals(new RefPolicy.Semver(">=1.0.0", ".*"), prod.ref());
    assertEquals(Duration.ofMinutes(90), prod.interval());
    assertEquals(Duration.ofMinutes(5), prod.timeout());
    assertEquals("flux-system", prod.namespace());
    assertEquals(new RefPolicy.Tag("latest"), c.clusters().get(1).ref());
    assertEquals("hoist.yaml:5: apps[0].jar", c.where("apps[0].jar"));
  }

  @Test
  void unknownKeyNamesLineAndAllowedKeys() {
    String msg = error(VALID.replace("    jvmFlags:", "    jvmflags:"));
    assertEquals(
        "hoist.yaml:7: apps[0].jvmflags: unknown key 'jvmflags' (allowed: name, image, jar, classpath, "
            + "mainClass, jvmFlags, entrypoint, base, ports, env, workingDir, user, kind, layers, cmd, labels)",
        msg);
  }

  @Test
  void aMisspeltRequiredKeyIsNamedAsUnknownNotAsMissing() {
    assertEquals(
        "hoist.yaml:2: registy: unknown key 'registy' (did you mean 'registry'?)",
        error("project: p\nregisty: r.io/x\n"));
  }

  @Test
  void anInvalidSemverRangeIsRefusedAtLoad() {
    assertEquals(
        "hoist.yaml:14: clusters[0].ref.semver: invalid semver range 'this is not a range' (at 'this is"
            + " not a range')",
        error(VALID.replace("semver: \">=1.0.0\"", "semver: \"this is not a range\"")));
  }

  @Test
  void aRegistryWithoutANamespaceIsRefused() {
    assertEquals(
        "hoist.yaml:2: registry: 'ghcr.io' must be HOST[:PORT]/NAMESPACE without a scheme",
        error("project: p\nregistry: ghcr.io\n"));
  }

  @Test
  void missingRequiredFields() {
    assertEquals("hoist.yaml:1: project: required", error("registry: r.io/x\n"));
    assertEquals(
        "hoist.yaml:4: apps[0].jar: required",
        error("project: p\nregistry: r.io/x\napps:\n  - name: a\n"));
  }

  @Test
  void wrongTypesAndValues() {
    assertEquals(
        "hoist.yaml:8: apps[0].ports: 'http' is not a port number (1-65535)",
        error(VALID.replace("[8080, \"9090\"]", "[http]")));
    assertEquals(
        "hoist.yaml:15: clusters[0].interval: '90 minutes' is not a duration (for example 30s, 5m, 1h30m)",
        error(VALID.replace("1h30m", "90 minutes")));
    assertEquals(
        "hoist.yaml:3: apps: expected a list, found a mapping",
        error("project: p\nregistry: r.io/x\napps:\n  name: a\n"));
    assertEquals(
        "hoist.yaml:1: project: 'My_Shop' is not a DNS-1123 label (lower-case letters, digits, '-', "
            + "at most 63)",
        error("project: My_Shop\nregistry: r.io/x\n"));
    assertEquals(
        "hoist.yaml:2: registry: 'https://r.io/x' must be HOST[:PORT]/NAMESPACE without a scheme",
        error("project: p\nregistry: https://r.io/x\n"));
  }

  @Test
  void danglingAndDuplicateNames() {
    assertEquals(
        "hoist.yaml:13: clusters[0].overlay: unknown overlay 'prd' (not listed under overlays)",
        error(VALID.replace("overlay: prod", "overlay: prd")));
    assertEquals(
        "hoist.yaml:14: clusters[0].ref: give exactly one of tag, semver or digest",
        error(VALID.replace("ref: {semver: \">=1.0.0\", semverFilter: \".*\"}", "ref: {}")));
    assertEquals(
        "hoist.yaml:2: duplicate key 'project' (first at line 1)",
        error("project: a\nproject: b\n"));
  }

  @Test
  void rootNamesTheProjectADescriptorElsewhereDescribes() throws IOException {
    Path generated = Files.createDirectories(dir.resolve("target/hoist"));
    ProjectConfig c =
        Descriptors.load(generated, "root: ../..\nproject: p\nregistry: r.example.com/x\n");
    assertEquals(dir.toAbsolutePath().normalize(), c.root());
    assertEquals(generated.resolve("hoist.yaml").toAbsolutePath().normalize(), c.file());
    assertEquals(dir.toAbsolutePath().normalize(), load("project: p\nregistry: r/x\n").root());
    assertEquals(
        "hoist.yaml:1: root: directory not found: nowhere",
        error("root: nowhere\nproject: p\nregistry: r.example.com/x\n"));
  }

  @Test
  void malformedAndMissingFiles() {
    assertEquals(
        "hoist.yaml:2: invalid YAML: mapping values are not allowed here",
        error("project: p\nregistry: a: b\n"));
    String missing =
        assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("nope.yaml")))
            .getMessage();
    assertEquals(
        dir.resolve("nope.yaml") + ": not found (run hoist in the project root or pass --config)",
        missing);
  }

  @Test
  void aliasBombIsRefused() {
    StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'k'; c++) {
      char prev = (char) (c - 1);
      yaml.append(c)
          .append(": &")
          .append(c)
          .append(" [*")
          .append(prev)
          .append(", *")
          .append(prev)
          .append(", *")
          .append(prev)
          .append(", *")
          .append(prev)
          .append(", *")
          .append(prev)
          .append(", *")
          .append(prev)
          .append("]\n");
    }
    String msg = error(yaml.toString());
    assertEquals(true, msg.startsWith("hoist.yaml"), msg);
  }
}
