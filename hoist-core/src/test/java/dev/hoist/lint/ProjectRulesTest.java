package dev.hoist.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hoist.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules over hoist.yaml and the overlays side by side: each fires, and its fix silences it. */
class ProjectRulesTest {
  @TempDir Path dir;

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api}
      spec:
        selector: {matchLabels: {app: api}}
        template:
          metadata: {labels: {app: api}}
          spec:
            containers: [{name: api, image: "ghcr.io/acme/api:1.0.0"}]
      """;

  private List<String> findings(String rule, String hoistYamlTail, String prodExtra)
      throws Exception {
    return findings(
        rule,
        hoistYamlTail,
        prodExtra,
        "apps:\n  - {name: api, jar: target/api.jar, mainClass: a.B}\n");
  }

  private List<String> findings(String rule, String hoistYamlTail, String prodExtra, String apps)
      throws Exception {
    Files.createDirectories(dir.resolve("base"));
    Files.createDirectories(dir.resolve("overlays/dev"));
    Files.createDirectories(dir.resolve("overlays/prod"));
    Files.createDirectories(dir.resolve("target"));
    Files.writeString(dir.resolve("target/api.jar"), "jar");
    Files.writeString(dir.resolve("base/deployment.yaml"), DEPLOYMENT);
    Files.writeString(dir.resolve("base/kustomization.yaml"), "resources: [deployment.yaml]\n");
    Files.writeString(dir.resolve("overlays/dev/kustomization.yaml"), "resources: [../../base]\n");
    Files.writeString(dir.resolve("overlays/prod/extra.yaml"), prodExtra);
    Files.writeString(
        dir.resolve("overlays/prod/kustomization.yaml"),
        "resources: [../../base" + (prodExtra.isEmpty() ? "" : ", extra.yaml") + "]\n");
    Files.writeString(
        dir.resolve("hoist.yaml"),
        """
        project: shop
        registry: ghcr.io/acme
        """
            + apps
            + "overlays: [dev, prod]\n"
            + hoistYamlTail);
    return Lint.run(ConfigLoader.load(dir.resolve("hoist.yaml")), List.of()).findings().stream()
        .filter(f -> f.rule().equals(rule))
        .map(f -> f.file() + ":" + f.line() + " " + f.object() + ": " + f.message())
        .toList();
  }

  @Test
  void envFilesInPackedDirectories() throws Exception {
    Files.createDirectories(dir.resolve("target/classes"));
    Files.writeString(dir.resolve("target/classes/.env.local"), "API_URL=http://localhost:8080\n");
    assertEquals(
        List.of(), findings("env-file", "", ""), "not packed: the app's jar is target/api.jar");
    Files.writeString(dir.resolve("overlays/prod/.env"), "DB=x\n");
    assertEquals(
        List.of("overlays/prod/.env:0 file overlays/prod/.env: a .env file in a packed directory"),
        findings("env-file", "", ""));
    Files.delete(dir.resolve("overlays/prod/.env"));
    String classes = "apps:\n  - {name: api, jar: target/classes, mainClass: a.B}\n";
    assertEquals(
        List.of(
            "target/classes/.env.local:0 file target/classes/.env.local: a .env file in a packed"
                + " directory"),
        findings("env-file", "", "", classes));
  }

  @Test
  void aProductionClusterOnLatest() throws Exception {
    String cluster =
        """
        clusters:
          - name: production
            overlay: prod
            ref: {%s}
        """;
    assertEquals(
        List.of("hoist.yaml:9 cluster production: applies production overlay prod from tag latest"),
        findings("production-follows-latest", cluster.formatted("tag: latest"), ""));
    assertEquals(
        List.of(),
        findings("production-follows-latest", cluster.formatted("semver: \">=1.0.0\""), ""));
  }

  @Test
  void aHelmUnitWithoutTimeout() throws Exception {
    String units =
        """
        clusters:
          - {name: production, overlay: prod, units: [redis]}
        units:
          - name: redis
            chart: {repository: oci://registry-1.docker.io/bitnamicharts, name: redis, version: 20.x}
        %s
        """;
    assertEquals(
        List.of("hoist.yaml:9 unit redis: installs its chart with Helm's default timeout (5m)"),
        findings("unit-without-timeout", units.formatted(""), ""));
    assertEquals(
        List.of(), findings("unit-without-timeout", units.formatted("    timeout: 10m"), ""));
  }

  @Test
  void kindsOnlyProductionHas() throws Exception {
    String hpa =
        """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: api}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
          minReplicas: 2
          maxReplicas: 4
        """;
    assertEquals(
        List.of("hoist.yaml:5 overlays dev and prod: only prod has HorizontalPodAutoscaler"),
        findings("overlay-kinds-differ", "", hpa));
    assertEquals(List.of(), findings("overlay-kinds-differ", "", ""));
  }
}
