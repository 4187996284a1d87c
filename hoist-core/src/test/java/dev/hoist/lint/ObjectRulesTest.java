package dev.hoist.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hoist.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One small overlay per rule that triggers it, and the fixed version that does not (kube-linter
 * style: the rule's findings only, with their messages).
 */
class ObjectRulesTest {
  @TempDir Path dir;

  /** The findings of {@code rule} in a production overlay holding {@code objects}. */
  private List<String> findings(String rule, String objects) throws Exception {
    Files.createDirectories(dir.resolve("base"));
    Files.createDirectories(dir.resolve("overlays/prod"));
    Files.createDirectories(dir.resolve("target"));
    Files.writeString(dir.resolve("target/api.jar"), "jar");
    Files.writeString(dir.resolve("base/all.yaml"), objects);
    Files.writeString(dir.resolve("base/kustomization.yaml"), "resources: [all.yaml]\n");
    Files.writeString(dir.resolve("overlays/prod/kustomization.yaml"), "resources: [../../base]\n");
    Files.writeString(
        dir.resolve("hoist.yaml"),
        """
        project: shop
        registry: ghcr.io/acme
        apps:
          - {name: api, jar: target/api.jar, mainClass: a.B}
        overlays: [prod]
        clusters:
          - {name: production, overlay: prod}
        """);
    return Lint.run(ConfigLoader.load(dir.resolve("hoist.yaml")), List.of()).findings().stream()
        .filter(f -> f.rule().equals(rule))
        .map(f -> f.object() + ": " + f.message())
        .toList();
  }

  private static String deployment(String spec, String container) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api}
        spec:
          selector: {matchLabels: {app: api}}
        %s
          template:
            metadata: {labels: {app: api}}
            spec:
              containers:
                - name: api
                  image: ghcr.io/acme/api:1.0.0
        %s
        """
        .formatted(indent(spec, 2), indent(container, 10));
  }

  private static String indent(String text, int spaces) {
    return text.lines().map(l -> " ".repeat(spaces) + l).reduce((a, b) -> a + "\n" + b).orElse("");
  }

  private static final String HPA =
      """
      ---
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata: {name: api}
      spec:
        scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
        minReplicas: %s
        maxReplicas: 4
        metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}}]
      """;

  @Test
  void validationProblemsAreSchemaErrors() throws Exception {
    String typo = deployment("replica: 2", "");
    findings("schema", typo);
    Path openApi = dev.hoist.testing.RealParts.shared("k8s-openapi").resolve("swagger-v1.36.json");
    List<String> strict =
        Lint.run(ConfigLoader.load(dir.resolve("hoist.yaml")), List.of(), openApi)
            .findings()
            .stream()
            .filter(f -> f.rule().equals("schema"))
            .map(f -> f.file() + ":" + f.line() + " " + f.object() + ": " + f.message())
            .toList();
    // at the source file and line that wrote the field, not the rendered stream
    assertEquals(
        List.of(
            "base/all.yaml:6 Deployment/api: .spec.replica: unknown field \"replica\""
                + " (known: minReadySeconds, paused, progressDeadlineSeconds, replicas,"
                + " revisionHistoryLimit, selector, strategy, template)"),
        strict);
    // without the document only the structure is checked: the typo passes, a bad label does not
    assertEquals(List.of(), findings("schema", typo));
    assertEquals(
        1,
        findings(
                "schema",
                deployment("", "").replace("metadata: {name: api}", "metadata: {name: API_1}"))
            .size());
  }

  @Test
  void memoryLimitBelowRequest() throws Exception {
    assertEquals(
        List.of("Deployment api: container api: memory limit 256M is below its request 512Mi"),
        findings(
            "memory-limit-below-request",
            deployment("", "resources: {requests: {memory: 512Mi}, limits: {memory: 256M}}")));
    assertEquals(
        List.of(),
        findings(
            "memory-limit-below-request",
            deployment("", "resources: {requests: {memory: 512Mi}, limits: {memory: 0.5Gi}}")));
  }

  @Test
  void writableRootFilesystemAndPrivilegeEscalation() throws Exception {
    String open = deployment("", "securityContext: {runAsNonRoot: true}");
    String closed =
        deployment(
            "", "securityContext: {readOnlyRootFilesystem: true, allowPrivilegeEscalation: false}");
    assertEquals(
        List.of("Deployment api: container api does not set readOnlyRootFilesystem: true"),
        findings("writable-root-filesystem", open));
    assertEquals(
        List.of("Deployment api: container api does not set allowPrivilegeEscalation: false"),
        findings("privilege-escalation", open));
    assertEquals(List.of(), findings("writable-root-filesystem", closed));
    assertEquals(List.of(), findings("privilege-escalation", closed));
  }

  @Test
  void hostPathVolume() throws Exception {
    String pod =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          containers: [{name: a, image: "busybox:1.36"}]
          volumes: [{name: logs, %s}]
        """;
    assertEquals(
        List.of("Pod agent: volume logs mounts the node's /var/log"),
        findings("host-path-volume", pod.formatted("hostPath: {path: /var/log}")));
    assertEquals(List.of(), findings("host-path-volume", pod.formatted("emptyDir: {}")));
  }

  @Test
  void aReplicatedProductionWorkloadNeedsADisruptionBudget() throws Exception {
    String replicated = deployment("replicas: 3", "");
    String pdb =
        """
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: api}
        spec: {maxUnavailable: 1, selector: {matchLabels: {app: api}}}
        """;
    assertEquals(
        List.of("Deployment api: runs 3 replicas and no PodDisruptionBudget selects its pods"),
        findings("no-disruption-budget", replicated));
    assertEquals(List.of(), findings("no-disruption-budget", replicated + pdb));
    assertEquals(List.of(), findings("no-disruption-budget", deployment("replicas: 1", "")));
  }

  @Test
  void replicasWithAnAutoscalerAndItsBounds() throws Exception {
    assertEquals(
        List.of("Deployment api: sets replicas: 2 while HorizontalPodAutoscaler api scales it"),
        findings("replicas-with-autoscaler", deployment("replicas: 2", "") + HPA.formatted(2)));
    assertEquals(
        List.of(), findings("replicas-with-autoscaler", deployment("", "") + HPA.formatted(2)));
    assertEquals(
        List.of("HorizontalPodAutoscaler api: minReplicas 6 is above maxReplicas 4"),
        findings("hpa-bounds", deployment("", "") + HPA.formatted(6)));
    assertEquals(List.of(), findings("hpa-bounds", deployment("", "") + HPA.formatted(4)));
  }

  @Test
  void anUpdatingVpaAndAnHpaOnTheSameResource() throws Exception {
    String vpa =
        """
        ---
        apiVersion: autoscaling.k8s.io/v1
        kind: VerticalPodAutoscaler
        metadata: {name: api}
        spec:
          targetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
          updatePolicy: {updateMode: %s}
          resourcePolicy:
            containerPolicies: [{containerName: "*", controlledResources: [%s]}]
        """;
    String base = deployment("", "") + HPA.formatted(2);
    assertEquals(
        List.of(
            "VerticalPodAutoscaler api: updates Deployment/api in mode Auto while"
                + " HorizontalPodAutoscaler api scales it on cpu"),
        findings("hpa-vpa-conflict", base + vpa.formatted("Auto", "cpu, memory")));
    assertEquals(List.of(), findings("hpa-vpa-conflict", base + vpa.formatted("\"Off\"", "cpu")));
    assertEquals(List.of(), findings("hpa-vpa-conflict", base + vpa.formatted("Auto", "memory")));
  }

  @Test
  void ingressBackends() throws Exception {
    String objects =
        """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {selector: {app: api}, ports: [{name: http, port: 80}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: web}
        spec:
          rules:
            - host: shop.example.com
              http:
                paths:
                  - {path: /, pathType: Prefix, backend: {service: {name: %s, port: {%s}}}}
        """;
    assertEquals(
        List.of("Ingress web: backend Service webb is not in the overlay"),
        findings("ingress-backend", objects.formatted("webb", "number: 80")));
    assertEquals(
        List.of("Ingress web: Service web has no port 8080"),
        findings("ingress-backend", objects.formatted("web", "number: 8080")));
    assertEquals(List.of(), findings("ingress-backend", objects.formatted("web", "name: http")));
  }

  @Test
  void monitorsAndPoliciesThatSelectNothing() throws Exception {
    String objects =
        deployment("", "")
            + """
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: api, labels: {app: api}}
            spec: {selector: {app: api}, ports: [{port: 80}]}
            ---
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata: {name: api}
            spec: {selector: {matchLabels: {app: %s}}, endpoints: [{port: http}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: api}
            spec: {podSelector: {matchLabels: {app: %s}}, policyTypes: [Ingress]}
            """;
    assertEquals(
        List.of(
            "ServiceMonitor api: selector {app=apii} matches no Service of the overlay",
            "NetworkPolicy api: podSelector {app=apii} matches no pod template of the overlay"),
        findings("selects-nothing", objects.formatted("apii", "apii")));
    assertEquals(List.of(), findings("selects-nothing", objects.formatted("api", "api")));
  }

  @Test
  void claimsAndConfigTheOverlayDoesNotDefine() throws Exception {
    String pod =
        deployment("", "envFrom: [{configMapRef: {name: settings}}, {secretRef: {name: creds%s}}]")
            .replace(
                "      containers:",
                "      volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]\n"
                    + "      containers:");
    assertEquals(
        List.of("Deployment api: claim data is not a PersistentVolumeClaim of the overlay"),
        findings("missing-claim", pod.formatted("")));
    assertEquals(
        List.of(
            "Deployment api: ConfigMap settings is not defined or produced in the overlay",
            "Deployment api: Secret creds is not defined or produced in the overlay"),
        findings("missing-config", pod.formatted("")));
    String defined =
        """
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data}
        spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings}
        data: {LOG_LEVEL: info}
        """;
    assertEquals(List.of(), findings("missing-claim", pod.formatted("") + defined));
    // an optional reference, and one an ExternalSecret produces, are fine
    assertEquals(
        List.of(), findings("missing-config", pod.formatted(", optional: true") + defined));
    assertEquals(
        List.of(),
        findings(
            "missing-config",
            pod.formatted("")
                + defined
                + "---\napiVersion: external-secrets.io/v1\nkind: ExternalSecret\n"
                + "metadata: {name: creds}\nspec: {secretStoreRef: {name: vault}}\n"));
  }

  @Test
  void probesAndTargetPorts() throws Exception {
    String container =
        """
        ports: [{name: http, containerPort: 8080}]
        readinessProbe: {httpGet: {path: /ready, port: %s}}
        livenessProbe: {httpGet: {path: %s, port: http}}
        """;
    String service =
        """
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: api}
        spec: {selector: {app: api}, ports: [{port: 80, targetPort: %s}]}
        """;
    String bad = deployment("", container.formatted("htp", "/ready")) + service.formatted("web");
    String good = deployment("", container.formatted("http", "/live")) + service.formatted("http");
    assertEquals(
        List.of(
            "Deployment api: container api: readinessProbe port htp is not one of its named ports [http]"),
        findings("probe-port", bad));
    assertEquals(List.of(), findings("probe-port", good));
    assertEquals(
        List.of("Service api: targetPort web is not a named port of the pods it selects"),
        findings("service-target-port", bad));
    assertEquals(List.of(), findings("service-target-port", good));
    String same = deployment("", container.formatted("http", "/ready"));
    assertEquals(
        List.of("Deployment api: container api: livenessProbe is the same as readinessProbe"),
        findings("identical-probes", same));
    assertEquals(List.of(), findings("identical-probes", good));
  }
}
