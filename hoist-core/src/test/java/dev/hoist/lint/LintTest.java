package dev.hoist.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production mistakes hoist lint exists for, in one small project (kustomize-style: the whole
 * tree is here): each produces exactly its finding, at the source file and line; the fixed objects
 * produce none.
 */
class LintTest {
  @TempDir Path dir;

  private void write(String path, String content) throws Exception {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private List<String> lint(String hoistYamlExtra) throws Exception {
    write(
        "hoist.yaml",
        """
        project: shop
        registry: ghcr.io/acme
        apps:
          - {name: api, jar: target/api.jar, mainClass: a.B}
        overlays: [dev, prod]
        """
            + hoistYamlExtra);
    return Lint.run(ConfigLoader.load(dir.resolve("hoist.yaml")), List.of()).findings().stream()
        .map(
            f ->
                f.overlay()
                    + " "
                    + f.file()
                    + ":"
                    + f.line()
                    + " "
                    + f.severity().label()
                    + " "
                    + f.rule()
                    + " "
                    + f.object()
                    + ": "
                    + f.message())
        .toList();
  }

  /** The findings about the units' charts (the overlays' are other tests' business). */
  private List<String> unitFindings(String hoistYamlExtra) throws Exception {
    return lint(hoistYamlExtra).stream().filter(f -> f.startsWith("unit ")).toList();
  }

  private static final String GOOD_DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api}
      spec:
        replicas: 2
        selector: {matchLabels: {app: api}}
        template:
          metadata: {labels: {app: api}}
          spec:
            securityContext: {runAsNonRoot: true, runAsUser: 1000}
            containers:
              - name: api
                image: ghcr.io/acme/api:1.0.0
                readinessProbe: {httpGet: {path: /ready, port: 8080}}
                livenessProbe: {httpGet: {path: /live, port: 8080}}
                resources: {requests: {cpu: 100m, memory: 256Mi}}
                securityContext: {readOnlyRootFilesystem: true, allowPrivilegeEscalation: false}
                env:
                  - {name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}
      """;

  @Test
  void eachProductionMistakeIsFoundAtItsSourceLine() throws Exception {
    write("target/api.jar", "jar");
    write(
        "base/kustomization.yaml",
        "resources: [deployment.yaml, service.yaml, hpa.yaml, secret.yaml, pdb.yaml]\n");
    write(
        "base/pdb.yaml",
        """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: api}
        spec: {maxUnavailable: 1, selector: {matchLabels: {app: api}}}
        """);
    write(
        "base/deployment.yaml",
        GOOD_DEPLOYMENT
            .replace("  replicas: 2\n", "")
            .replace(
                "env:\n",
                "env:\n            - {name: MONGODB_URI, value: \"mongodb://admin:hunter2@db:27017\"}\n"));
    write(
        "base/service.yaml",
        """
        apiVersion: v1
        kind: Service
        metadata: {name: api}
        spec:
          selector: {app: api}
          ports: [{port: 8080}]
        """);
    write(
        "base/hpa.yaml",
        """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: api}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
          minReplicas: 2
          maxReplicas: 5
          metrics:
            - type: Resource
              resource: {name: memory, target: {type: Utilization, averageUtilization: 80}}
        """);
    write(
        "base/secret.yaml",
        """
        apiVersion: v1
        kind: Secret
        metadata: {name: db}
        stringData: {password: hunter2}
        """);
    write("overlays/dev/kustomization.yaml", "resources: [../../base]\n");
    write(
        "overlays/prod/kustomization.yaml",
        """
        resources: [../../base]
        patches:
          - target: {kind: Service, name: api}
            patch: |
              - op: add
                path: /spec/type
                value: NodePort
        """);
    List<String> findings = lint("");
    String memory =
        "scales on memory utilisation (target 80%): from n replicas it scales in only when the"
            + " average is at most 3: 53.3%, 4: 60%, 5: 64%; to return to minReplicas 2, idle memory"
            + " must stay below 53.3% of the request";
    assertEquals(
        List.of(
            "dev base/secret.yaml:4 error plaintext-secret Secret db: holds plaintext values (password)",
            "dev base/deployment.yaml:18 error env-credentials Deployment api: container api sets MONGODB_URI to a URI with a password",
            "dev base/hpa.yaml:8 warning hpa-memory-scale-in HorizontalPodAutoscaler api: "
                + memory,
            "prod base/secret.yaml:4 error plaintext-secret Secret db: holds plaintext values (password)",
            "prod base/deployment.yaml:18 error env-credentials Deployment api: container api sets MONGODB_URI to a URI with a password",
            "prod base/hpa.yaml:8 warning hpa-memory-scale-in HorizontalPodAutoscaler api: "
                + memory,
            "prod overlays/prod/kustomization.yaml:7 warning exposed-service-in-production Service api: type NodePort in a production overlay"),
        findings);

    // hoist.yaml's lint options and a per-object ignore with its reason
    List<String> tuned =
        lint(
            "lint: {disable: [env-credentials], severity: {plaintext-secret: warning}, production: []}\n");
    assertTrue(tuned.stream().noneMatch(f -> f.contains("env-credentials")), tuned.toString());
    assertTrue(tuned.stream().noneMatch(f -> f.contains("exposed-service")), tuned.toString());
    assertTrue(tuned.get(0).contains("warning plaintext-secret"), tuned.toString());
    write(
        "base/secret.yaml",
        """
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
          annotations: {hoist.dev/lint-ignore: "plaintext-secret: a throwaway dev password"}
        stringData: {password: hunter2}
        """);
    assertFalse(lint("").stream().anyMatch(f -> f.contains("plaintext-secret")));
    write(
        "base/secret.yaml",
        """
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
          annotations: {hoist.dev/lint-ignore: "plaintext-secret"}
        stringData: {password: hunter2}
        """);
    assertTrue(
        lint("").stream().anyMatch(f -> f.contains("plaintext-secret")), "a reason is required");
  }

  @Test
  void aUnitsChartIsRenderedWithItsHelmReleaseValues() throws Exception {
    write("target/api.jar", "jar");
    write("base/kustomization.yaml", "resources: [good.yaml]\n");
    write("base/good.yaml", GOOD_DEPLOYMENT);
    write("overlays/dev/kustomization.yaml", "resources: [../../base]\n");
    write("overlays/prod/kustomization.yaml", "resources: [../../base]\n");
    write("deploy/api/Chart.yaml", "apiVersion: v2\nname: api\nversion: 0.3.7\n");
    write("deploy/api/values.yaml", "image: {repository: api, tag: dev}\nprobes: true\n");
    write(
        "deploy/api/templates/deployment.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api}
        spec:
          selector: {matchLabels: {app: api}}
          template:
            metadata: {labels: {app: api}}
            spec:
              containers:
                - name: api
                  image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
                  resources: {requests: {cpu: 10m, memory: 16Mi}}
                  {{- if .Values.probes }}
                  readinessProbe: {httpGet: {path: /, port: 8080}}
                  livenessProbe: {httpGet: {path: /, port: 8080}}
                  {{- end }}
        """);
    String units =
        """
        charts:
          - path: deploy/api
            images: {api: {repository: image.repository, tag: image.tag}}
        clusters:
          - {name: production, overlay: prod, units: [api-chart]}
        units:
          - name: api-chart
            chart: {project: api, version: 0.3.x}
            values: {probes: %s}
        """;
    // the chart's own values render nothing wrong; the HelmRelease's values turn the probes off
    assertEquals(List.of(), unitFindings(units.formatted("true")));
    List<String> findings = unitFindings(units.formatted("false"));
    assertEquals(1, findings.size(), findings.toString());
    assertTrue(
        findings.get(0).startsWith("unit api-chart ")
            && findings.get(0).contains("HelmRelease/api-chart"),
        findings.get(0));
  }

  @Test
  void workloadRulesFireOnTheBadAndNotOnTheGood() throws Exception {
    write("target/api.jar", "jar");
    write(
        "base/kustomization.yaml",
        "resources: [good.yaml, bad.yaml, job.yaml, svc.yaml, db.yaml]\n");
    write("base/good.yaml", GOOD_DEPLOYMENT);
    write(
        "base/db.yaml",
        """
        apiVersion: external-secrets.io/v1
        kind: ExternalSecret
        metadata: {name: db-credentials}
        spec: {target: {name: db}}
        """);
    write(
        "base/bad.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: worker}
        spec:
          selector: {matchLabels: {app: worker}}
          template:
            metadata: {labels: {app: wrk}}
            spec:
              hostNetwork: true
              containers:
                - name: worker
                  image: busybox
                  securityContext: {privileged: true, runAsUser: 0}
        """);
    write(
        "base/job.yaml",
        """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          template:
            spec:
              securityContext: {runAsNonRoot: true}
              restartPolicy: Never
              containers:
                - name: m
                  image: "flyway:10@sha256:0000000000000000000000000000000000000000000000000000000000000000"
                  resources: {requests: {cpu: 1, memory: 1Gi}}
                  securityContext: {readOnlyRootFilesystem: true, allowPrivilegeEscalation: false}
        """);
    write(
        "base/svc.yaml",
        """
        apiVersion: v1
        kind: Service
        metadata: {name: orphan}
        spec: {selector: {app: nothing}, ports: [{port: 80}]}
        """);
    write("overlays/dev/kustomization.yaml", "resources: [../../base]\n");
    write("overlays/prod/kustomization.yaml", "resources: [../../base]\n");
    List<String> dev =
        lint("").stream()
            .filter(f -> f.startsWith("dev "))
            .map(f -> f.substring(f.indexOf(' ', 4) + 1))
            .toList();
    assertEquals(
        List.of(
            "error image-latest Deployment worker: container worker runs busybox (no tag: latest)",
            "warning missing-probes Deployment worker: container worker has no readinessProbe and no livenessProbe",
            "warning no-resource-requests Deployment worker: container worker requests no cpu and no memory",
            "error privileged Deployment worker: the pod uses the host network",
            "error privileged Deployment worker: container worker is privileged",
            "warning runs-as-root Deployment worker: container worker runs as user 0",
            "error selector-mismatch Deployment worker: selector {app=worker} does not match the template labels {app=wrk}",
            "error service-selects-nothing Service orphan: selector {app=nothing} matches no pod template in the overlay",
            "warning job-limits Job migrate: sets no backoffLimit and no ttlSecondsAfterFinished",
            "warning writable-root-filesystem Deployment worker: container worker does not set readOnlyRootFilesystem: true",
            "warning privilege-escalation Deployment worker: container worker does not set allowPrivilegeEscalation: false"),
        dev);
  }
}
