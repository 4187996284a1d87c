package dev.hoist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.testing.RealParts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hoist validate --overlays: rendered workloads against the Kubernetes 1.36 OpenAPI document, as
 * the API server would take them (strictly: an unknown field is an error).
 */
class ValidateOverlaysTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int hoist(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return Main.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  private static String swagger() {
    return RealParts.shared("k8s-openapi").resolve("swagger-v1.36.json").toString();
  }

  @Test
  void theExampleIsValid() {
    String config = RealParts.repoRoot().resolve("hoist.yaml").toString();
    assertEquals(
        0,
        hoist("validate", "--overlays", "--k8s-openapi", swagger(), "--config", config),
        out + err.toString());
    assertTrue(err.toString().startsWith("3 files, "), err.toString());
  }

  @Test
  void whatTheApiServerWouldRefuseOrDropIsAProblem() throws Exception {
    Files.writeString(
        dir.resolve("hoist.yaml"), "project: shop\nregistry: ghcr.io/acme\noverlays: [dev]\n");
    Files.createDirectories(dir.resolve("overlays/dev"));
    Files.writeString(dir.resolve("overlays/dev/kustomization.yaml"), "resources: [app.yaml]\n");
    Files.writeString(
        dir.resolve("overlays/dev/app.yaml"),
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api}
        spec:
          replicas: "3"
          selector: {matchLabels: {app: api}}
          template:
            metadata: {labels: {app: api}, creationTimestamp: null}
            spec:
              restartPolicyy: Always
              containers:
                - {name: api, image: "x:1", resources: {requests: {cpu: 1, memory: 256Mi}}, ports: [{containerPort: "http"}]}
                - {name: api, image: "y:1"}
        ---
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: a}
        ---
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: b}
        """);
    assertEquals(
        1,
        hoist(
            "validate",
            "--overlays",
            "--k8s-openapi",
            swagger(),
            "--config",
            dir.resolve("hoist.yaml").toString(),
            "-o",
            "json"));
    com.fasterxml.jackson.databind.JsonNode json =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
    List<String> problems = new java.util.ArrayList<>();
    json.path("problems")
        .forEach(p -> problems.add(p.path("path").asText() + ": " + p.path("message").asText()));
    assertEquals(5, problems.size(), problems.toString());
    assertTrue(
        problems.contains(".spec.replicas: expected integer, found string"), problems.toString());
    assertTrue(
        problems.stream()
            .anyMatch(
                p ->
                    p.startsWith(
                        ".spec.template.spec.restartPolicyy: unknown field \"restartPolicyy\"")),
        problems.toString());
    assertTrue(
        problems.stream()
            .anyMatch(
                p -> p.startsWith(".spec.template.spec.containers[1]: duplicate entry name=api")),
        problems.toString());
    assertTrue(
        problems.contains(
            ".spec.template.spec.containers[0].ports[0].containerPort: expected integer, found string"),
        problems.toString());
    assertTrue(
        problems.stream()
                .filter(p -> p.startsWith(".kind: no schema for example.com/v1 Widget"))
                .count()
            == 1,
        problems.toString());

    assertEquals(
        2, hoist("validate", "--overlays", "--config", dir.resolve("hoist.yaml").toString()));
    assertTrue(
        err.toString().contains("--overlays needs the Kubernetes OpenAPI document"),
        err.toString());
  }
}
