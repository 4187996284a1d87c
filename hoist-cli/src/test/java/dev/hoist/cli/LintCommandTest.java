package dev.hoist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hoist lint's outputs, exit codes and --explain. */
class LintCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int hoist(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return Main.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  private String project() throws Exception {
    Files.writeString(
        dir.resolve("hoist.yaml"), "project: shop\nregistry: ghcr.io/acme\noverlays: [dev]\n");
    Files.createDirectories(dir.resolve("overlays/dev"));
    Files.writeString(
        dir.resolve("overlays/dev/kustomization.yaml"), "resources: [secret.yaml, job.yaml]\n");
    Files.writeString(
        dir.resolve("overlays/dev/secret.yaml"),
        "apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {password: x}\n");
    Files.writeString(
        dir.resolve("overlays/dev/job.yaml"),
        "apiVersion: batch/v1\nkind: Job\nmetadata: {name: m}\nspec: {backoffLimit: 1, ttlSecondsAfterFinished: 60,"
            + " template: {spec: {securityContext: {runAsNonRoot: true}, containers: [{name: m, image: 'x:1',"
            + " resources: {requests: {cpu: 1, memory: 1Gi}}, securityContext: {readOnlyRootFilesystem: true,"
            + " allowPrivilegeEscalation: false}}]}}}\n");
    return dir.resolve("hoist.yaml").toString();
  }

  @Test
  void textJsonAndSarifWithExitCodes() throws Exception {
    String config = project();
    assertEquals(1, hoist("lint", "--config", config));
    assertEquals(
        "overlays/dev/secret.yaml\n"
            + "  4: error plaintext-secret: Secret db: holds plaintext values (password) [overlay dev]\n"
            + "1 error(s), 0 warning(s)\n",
        out.toString());

    assertEquals(1, hoist("lint", "--config", config, "-o", "json"));
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertEquals(
        "{\"id\":\"plaintext-secret\",\"severity\":\"error\",\"overlay\":\"dev\",\"file\":"
            + "\"overlays/dev/secret.yaml\",\"line\":4,\"object\":\"Secret db\",\"message\":"
            + "\"holds plaintext values (password)\"}",
        json.path("findings").get(0).toString());

    assertEquals(1, hoist("lint", "--config", config, "-o", "sarif"));
    JsonNode sarif = new ObjectMapper().readTree(out.toString());
    // valid against the official SARIF 2.1.0 schema (what GitHub code scanning reads)
    com.networknt.schema.JsonSchema schema;
    try (java.io.InputStream in =
        getClass().getClassLoader().getResourceAsStream("schema/sarif-schema-2.1.0.json")) {
      schema =
          com.networknt.schema.JsonSchemaFactory.getInstance(
                  com.networknt.schema.SpecVersion.VersionFlag.V7)
              .getSchema(in);
    }
    assertEquals(java.util.Set.of(), schema.validate(sarif));
    assertEquals("2.1.0", sarif.path("version").asText());
    JsonNode run = sarif.path("runs").get(0);
    assertEquals("hoist", run.path("tool").path("driver").path("name").asText());
    assertTrue(run.path("tool").path("driver").path("rules").size() >= 30);
    JsonNode result = run.path("results").get(0);
    assertEquals("plaintext-secret", result.path("ruleId").asText());
    assertEquals("error", result.path("level").asText());
    assertEquals(
        "overlays/dev/secret.yaml",
        result
            .path("locations")
            .get(0)
            .path("physicalLocation")
            .path("artifactLocation")
            .path("uri")
            .asText());
    assertEquals(
        4,
        result
            .path("locations")
            .get(0)
            .path("physicalLocation")
            .path("region")
            .path("startLine")
            .asInt());

    Files.writeString(
        dir.resolve("overlays/dev/secret.yaml"),
        "apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {password: 'ENC[AES256_GCM,data:x]'}\nsops: {version: 3.8.1}\n");
    assertEquals(0, hoist("lint", "--config", config));
    assertEquals("0 error(s), 0 warning(s)\n", out.toString());
  }

  @Test
  void explainAndUsageErrors() throws Exception {
    assertEquals(0, hoist("lint", "--explain", "hpa-memory-scale-in"));
    assertTrue(out.toString().startsWith("hpa-memory-scale-in (warning): "), out.toString());
    assertTrue(
        out.toString().contains("\nwhy: ") && out.toString().contains("\nfix: "), out.toString());
    assertEquals(2, hoist("lint", "--explain", "nope"));
    assertTrue(
        err.toString().contains("--explain nope: no such rule (rules: plaintext-secret, "),
        err.toString());
    String config = project();
    assertEquals(2, hoist("lint", "--config", config, "-o", "xml"));
    assertEquals(2, hoist("lint", "--config", config, "--overlay", "prod"));
    assertTrue(
        err.toString().contains("--overlay prod: not in hoist.yaml (overlays: dev)"),
        err.toString());
  }
}
