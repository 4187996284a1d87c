package dev.hoist.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FluxConfigReaderTest {
  @TempDir Path dir;

  private static final String BASE =
      """
      project: shop
      registry: ghcr.io/acme
      overlays: [prod]
      clusters:
        - name: production
          overlay: prod
          ref: {digest: "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}
          units: [web, db, db-search]
          dependsOn: [web, db-search]
          source:
            provider: aws
            verify:
              matchOIDCIdentity:
                - issuer: ^https://token.actions.githubusercontent.com$
                  subject: ^https://github.com/acme/.*$
          kustomization:
            prune: false
            healthChecks: [{kind: Deployment, name: shop, namespace: shop}]
            retryInterval: 90s
            postBuild: {substitute: {replicas: "3"}}
      units:
        - name: web
          chart: {repository: https://charts.example.com, name: web, version: 1.x}
          values: {replicas: 2, enabled: true, name: web, cpu: 0.5, tag: "1.0"}
          upgrade: {remediation: {retries: 3, remediateLastFailure: true}}
          timeout: 10m
        - name: db
          namespace: data
          chart: {oci: oci://ghcr.io/acme/charts/db, ref: {tag: 1.0.0}}
        - name: db-search
          valuesFor: db
          values: {search: {enabled: true}}
      """;

  private ProjectConfig load(String text) throws IOException {
    return Descriptors.load(dir, text);
  }

  private String error(String text) {
    return Descriptors.error(dir, text);
  }

  @Test
  void readsUnitsAndClusterOptions() throws Exception {
    FluxConfig flux = load(BASE).flux();
    assertEquals(
        List.of("web", "db", "db-search"),
        flux.units().stream().map(FluxConfig.UnitConfig::name).toList());
    FluxConfig.UnitConfig web = flux.units().get(0);
    assertEquals("1.x", web.chart().version());
    assertEquals("ChartVersion", web.chart().reconcileStrategy());
    assertEquals(
        Map.of("replicas", 2L, "enabled", true, "name", "web", "cpu", 0.5, "tag", "1.0"),
        web.release().get("values"));
    assertEquals(Duration.ofMinutes(10), web.release().get("timeout"));
    assertEquals(
        Map.of("remediation", Map.of("retries", 3L, "remediateLastFailure", true)),
        web.release().get("upgrade"));
    FluxConfig.UnitConfig db = flux.units().get(1);
    assertEquals(new RefPolicy.Tag("1.0.0"), db.chart().ref());
    assertEquals("data", db.namespace());
    assertEquals("db", flux.units().get(2).valuesFor());
    FluxConfig.ClusterFluxConfig prod = flux.cluster("production");
    assertEquals("aws", prod.source().get("provider"));
    assertEquals(Duration.ofSeconds(90), prod.kustomization().get("retryInterval"));
    assertEquals(false, prod.kustomization().get("prune"));
    assertEquals(List.of("web", "db-search"), prod.dependsOn());
    assertEquals(
        new RefPolicy.Digest(
            "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"),
        load(BASE).clusters().get(0).ref());
  }

  @Test
  void aTypoInAFluxOptionIsAnErrorWithItsLine() {
    assertEquals(
        "hoist.yaml:17: clusters[0].kustomization.prunne: unknown key 'prunne' (allowed: prune, wait, "
            + "force, healthChecks, timeout, retryInterval, targetNamespace, serviceAccountName, postBuild, "
            + "decryption, patches, components)",
        error(BASE.replace("prune: false", "prunne: false")));
    assertEquals(
        "hoist.yaml:11: clusters[0].source.provider: 'github' is not one of generic, aws, azure, gcp",
        error(BASE.replace("provider: aws", "provider: github")));
    assertEquals(
        "hoist.yaml:25: units[0].upgrade.remediation.retries: expected an integer, found 'three'",
        error(BASE.replace("retries: 3", "retries: three")));
  }

  @Test
  void unknownReferencesAndCyclesAreErrors() {
    assertEquals(
        "hoist.yaml:8: clusters[0].units: unknown unit 'wbe' (not under units, and not the project 'shop')",
        error(BASE.replace("units: [web, db, db-search]", "units: [wbe, db, db-search]")));
    assertEquals(
        "hoist.yaml:31: units[2].valuesFor: 'dbx' is not a chart unit",
        error(BASE.replace("valuesFor: db", "valuesFor: dbx")));
    assertEquals(
        "hoist.yaml:9: clusters[0].dependsOn: 'shop' needs 'db-search', which cluster 'production' does "
            + "not list under units",
        error(BASE.replace("units: [web, db, db-search]", "units: [web, db]")));
    String cycle =
        BASE.replace(
                "    values: {replicas: 2, enabled: true, name: web, cpu: 0.5, tag: \"1.0\"}\n",
                "    values: {replicas: 2, enabled: true, name: web, cpu: 0.5, tag: \"1.0\"}\n    dependsOn: [db-search]\n")
            .replace("    valuesFor: db\n", "    valuesFor: db\n    dependsOn: [web]\n");
    assertEquals(BASE.length() + 48, cycle.length());
    assertEquals(
        "hoist.yaml:25: units[0].dependsOn: dependency cycle on cluster 'production': "
            + "web -> db-search -> web",
        error(cycle));
  }

  @Test
  void verifyIdentitiesMustBeAnchored() {
    assertEquals(
        "hoist.yaml:15: clusters[0].source.verify.matchOIDCIdentity[0].subject: "
            + "'https://github.com/acme/.*' must be anchored as ^…$",
        error(
            BASE.replace(
                "subject: ^https://github.com/acme/.*$", "subject: https://github.com/acme/.*")));
    assertEquals(
        "hoist.yaml:18: clusters[0].kustomization.healthChecks: give wait or healthChecks, not both",
        error(BASE.replace("prune: false", "wait: true")));
  }

  @Test
  void aHoistYamlWithoutFluxKeysStillLoads() throws Exception {
    ProjectConfig config =
        load(
            """
        project: shop
        registry: ghcr.io/acme
        overlays: [prod]
        clusters:
          - {name: production, overlay: prod}
        """);
    assertEquals(List.of(), config.flux().units());
    assertEquals(List.of(), config.flux().cluster("production").units());
    assertEquals("flux-system", config.flux().sourceName());
  }
}
