package dev.hoist.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartChecksTest {
  @TempDir Path dir;

  @Test
  void sourcesFindLiteralImagesAndSecretValues() throws Exception {
    Path c = TestCharts.write(dir.resolve("c"), "app", "1.0.0");
    Files.writeString(
        c.resolve("templates/deploy.yaml"),
        "spec:\n  containers:\n    - name: a\n      image: nginx:1.25\n"
            + "    - name: b\n      image: {{ .Values.image.repository }}\n");
    Files.writeString(
        c.resolve("templates/secret.yaml"),
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n"
            + "  user: admin\n  password: {{ .Values.password | quote }}\n"
            + "type: Opaque\n");
    Files.writeString(
        c.resolve("values.yaml"),
        "image: {repository: r, tag: t}\ndb:\n  password: hunter2\n  passwordSecret: \"\"\n");
    List<String> found =
        ChartChecks.sources(c).stream()
            .map(f -> f.file() + ":" + f.line() + " " + f.rule())
            .toList();
    assertEquals(
        List.of(
            "templates/deploy.yaml:4 chart-image-from-values",
            "templates/secret.yaml:6 chart-literal-secret",
            "values.yaml:3 chart-literal-secret"),
        found);
  }

  @Test
  void renderedFindHooksWithoutDeletePolicyAndWorkloadsWithoutProbesOrRequests() {
    String rendered =
        """
        ---
        # Source: app/templates/job.yaml
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: migrate
          annotations:
            helm.sh/hook: pre-upgrade
        spec: {}
        ---
        # Source: app/templates/ok-job.yaml
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: ok
          annotations:
            helm.sh/hook: pre-upgrade
            helm.sh/hook-delete-policy: before-hook-creation
        ---
        # Source: app/templates/deploy.yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: r:t
                  resources: {limits: {memory: 1Gi}}
                - name: side
                  image: r:t
                  readinessProbe: {tcpSocket: {port: 80}}
                  resources: {requests: {cpu: 10m}}
        """;
    List<String> found =
        ChartChecks.rendered(rendered).stream().map(f -> f.file() + " " + f.rule()).toList();
    assertEquals(
        List.of(
            "app/templates/job.yaml chart-hook-delete-policy",
            "app/templates/deploy.yaml chart-probes",
            "app/templates/deploy.yaml chart-resource-requests"),
        found);
  }
}
