package dev.hoist.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.run.HoistException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A preview's apply, prune, readiness and access lines through fabric8's client against its mock
 * API server (an HTTP server on loopback that keeps what it is sent).
 */
class RolloutTest {
  private final ApiServer server = new ApiServer();
  private final KubernetesClient client = server.client;

  @AfterEach
  void stop() {
    server.close();
  }

  private static final Inventory.Entry DEPLOYMENT =
      new Inventory.Entry("apps/v1", "Deployment", "dev", "api");
  private static final Inventory.Entry SERVICE = new Inventory.Entry("v1", "Service", "dev", "api");
  private static final Inventory.Entry JOB =
      new Inventory.Entry("batch/v1", "Job", "dev", "migrate");

  private static final String DEPLOYMENT_YAML =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api, namespace: dev}
      spec:
        replicas: 2
        selector: {matchLabels: {app: api}}
        template:
          metadata: {labels: {app: api}}
          spec: {containers: [{name: api, image: localhost:5001/shop/api@sha256:1}]}
      """;
  private static final String SERVICE_YAML =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: api, namespace: dev}
      spec: {selector: {app: api}, ports: [{port: 8080}]}
      """;
  private static final String JOB_YAML =
      """
      apiVersion: batch/v1
      kind: Job
      metadata: {name: migrate, namespace: dev}
      spec: {template: {spec: {restartPolicy: Never, containers: [{name: m, image: m}]}}}
      """;

  private Rollout rollout(List<String> said) {
    return new Rollout(new Kube(client, "kind-hoist"), said::add);
  }

  @Test
  void appliesWithAnInventoryAndPrunesWhatTheOverlayNoLongerHas() {
    List<String> said = new ArrayList<>();
    Rollout rollout = rollout(said);
    PreviewOverlay first =
        new PreviewOverlay(
            DEPLOYMENT_YAML + "---\n" + SERVICE_YAML + "---\n" + JOB_YAML,
            List.of(DEPLOYMENT, SERVICE, JOB),
            null);
    assertEquals(List.of(), rollout.apply(first));
    assertTrue(
        client.batch().v1().jobs().inNamespace("dev").withName("migrate").get() != null, "applied");
    String inventory =
        client
            .configMaps()
            .inNamespace("kube-public")
            .withName(Inventory.NAME)
            .get()
            .getData()
            .get("objects");
    assertEquals(
        "apps/v1 Deployment dev api\nv1 Service dev api\nbatch/v1 Job dev migrate\n", inventory);

    PreviewOverlay second =
        new PreviewOverlay(
            DEPLOYMENT_YAML + "---\n" + SERVICE_YAML, List.of(DEPLOYMENT, SERVICE), null);
    assertEquals(List.of(JOB), rollout.apply(second));
    assertEquals(null, client.batch().v1().jobs().inNamespace("dev").withName("migrate").get());
    assertTrue(said.contains("preview: pruning Job dev/migrate"), said.toString());
    assertEquals(
        List.of("kubectl --context kind-hoist -n dev port-forward service/api 8080:8080"),
        Access.lines(new Kube(client, "kind-hoist"), List.of(DEPLOYMENT, SERVICE)));
  }

  private void status(String kind, String name, Map<String, Object> status) {
    GenericKubernetesResource r =
        client
            .genericKubernetesResources(kind.equals("Job") ? "batch/v1" : "apps/v1", kind)
            .inNamespace("dev")
            .withName(name)
            .get();
    r.setAdditionalProperty("status", status);
    client
        .genericKubernetesResources(r.getApiVersion(), kind)
        .inNamespace("dev")
        .resource(r)
        .updateStatus();
  }

  @Test
  void readyWhenEveryReplicaIsUpdatedAndAvailable() {
    Rollout rollout = rollout(new ArrayList<>());
    rollout.apply(new PreviewOverlay(DEPLOYMENT_YAML, List.of(DEPLOYMENT), null));
    status(
        "Deployment",
        "api",
        Map.of(
            "observedGeneration", 1, "replicas", 2, "updatedReplicas", 2, "availableReplicas", 2));
    rollout.waitReady(List.of(DEPLOYMENT), Duration.ofSeconds(5));
  }

  @Test
  void aWorkloadThatIsNotReadyIsNamedWithinTheWait() {
    Rollout rollout = rollout(new ArrayList<>());
    rollout.apply(new PreviewOverlay(DEPLOYMENT_YAML, List.of(DEPLOYMENT), null));
    status(
        "Deployment",
        "api",
        Map.of(
            "observedGeneration", 1, "replicas", 2, "updatedReplicas", 2, "availableReplicas", 1));
    HoistException e =
        assertThrows(
            HoistException.class,
            () -> rollout.waitReady(List.of(DEPLOYMENT), Duration.ofMillis(500)));
    assertEquals("Deployment dev/api is not ready within 0 s: no event", e.getMessage());
  }

  @Test
  void aFailedJobFailsAtOnce() {
    Rollout rollout = rollout(new ArrayList<>());
    rollout.apply(new PreviewOverlay(JOB_YAML, List.of(JOB), null));
    status(
        "Job",
        "migrate",
        Map.of("conditions", List.of(Map.of("type", "Failed", "status", "True"))));
    long start = System.nanoTime();
    HoistException e =
        assertThrows(
            HoistException.class, () -> rollout.waitReady(List.of(JOB), Duration.ofMinutes(1)));
    assertTrue(e.getMessage().startsWith("Job dev/migrate failed: "), e.getMessage());
    assertFalse(System.nanoTime() - start > 30_000_000_000L, "did not wait out the minute");
  }

  @Test
  void nodePortsAndIngressHostsAreSaidToo() {
    new Kube(client, "kind-hoist")
        .apply(
            """
            apiVersion: v1
            kind: Service
            metadata: {name: shop, namespace: dev}
            spec:
              type: NodePort
              selector: {app: shop}
              ports: [{port: 80, nodePort: 30080}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: shop, namespace: dev}
            spec:
              rules:
                - host: shop.localtest.me
                - http: {paths: []}
            """);
    assertEquals(
        List.of(
            "kubectl --context kind-hoist -n dev port-forward service/shop 80:80",
            "service/shop: node port 30080 -> 80 (on the kind node; reachable from this machine"
                + " only through the cluster's extraPortMappings)",
            "ingress/shop: http://shop.localtest.me/ (served by the cluster's ingress controller,"
                + " when it has one)"),
        Access.lines(
            new Kube(client, "kind-hoist"),
            List.of(
                new Inventory.Entry("v1", "Service", "dev", "shop"),
                new Inventory.Entry("networking.k8s.io/v1", "Ingress", "dev", "shop"))));
  }
}
