package dev.hoist.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dajudge.kindcontainer.KindContainer;
import dev.hoist.run.HoistException;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The apply, prune, readiness and Flux code against a real Kubernetes API: a kind node in a
 * container (testcontainers-kind). Runs only where a Docker engine answers; pulls the kind node
 * image and {@code registry.k8s.io/pause}, so it needs the network too.
 */
@EnabledIf(
    value = "dev.hoist.preview.KindContainerTest#docker",
    disabledReason = "needs a Docker engine (none here: docker version failed)")
class KindContainerTest {
  private static KindContainer<?> node;
  private static KubernetesClient client;

  static boolean docker() {
    return DockerEngine.problem(System.getenv()).isEmpty();
  }

  @BeforeAll
  static void start() {
    node = new KindContainer<>();
    node.start();
    client =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(node.getKubeconfig()))
            .build();
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (node != null) {
      node.stop();
    }
  }

  private static final String NAMESPACE =
      "apiVersion: v1\nkind: Namespace\nmetadata: {name: preview}\n";
  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: pause, namespace: preview}
      spec:
        selector: {matchLabels: {app: pause}}
        template:
          metadata: {labels: {app: pause}}
          spec: {containers: [{name: pause, image: registry.k8s.io/pause:3.10}]}
      """;
  private static final String SERVICE =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: pause, namespace: preview}
      spec: {selector: {app: pause}, ports: [{port: 8080}]}
      """;

  @Test
  void appliedRolledOutAndPruned() {
    Inventory.Entry ns = new Inventory.Entry("v1", "Namespace", null, "preview");
    Inventory.Entry deployment = new Inventory.Entry("apps/v1", "Deployment", "preview", "pause");
    Inventory.Entry service = new Inventory.Entry("v1", "Service", "preview", "pause");
    List<String> said = new ArrayList<>();
    Rollout rollout = new Rollout(new Kube(client, "kind"), said::add);
    PreviewOverlay all =
        new PreviewOverlay(
            NAMESPACE + "---\n" + DEPLOYMENT + "---\n" + SERVICE,
            List.of(ns, deployment, service),
            null);
    rollout.apply(all);
    rollout.apply(all); // again: server-side apply is idempotent
    rollout.waitReady(all.objects(), Duration.ofMinutes(3));
    assertEquals(
        List.of("kubectl --context kind -n preview port-forward service/pause 8080:8080"),
        Access.lines(new Kube(client, "kind"), all.objects()));

    PreviewOverlay fewer =
        new PreviewOverlay(NAMESPACE + "---\n" + DEPLOYMENT, List.of(ns, deployment), null);
    assertEquals(List.of(service), rollout.apply(fewer));
    assertNull(client.services().inNamespace("preview").withName("pause").get());
  }

  @Test
  void fluxObjectsAreAppliedAndTheirStatusRead() throws Exception {
    FluxReconcile flux = new FluxReconcile(new Kube(client, "kind"));
    flux.install(FluxFixtures.installManifests(), Duration.ofMinutes(1));
    assertTrue(flux.installed());
    flux.apply(
        FluxFixtures.APP_OBJECTS, "hello", "flux-system", Instant.parse("2026-12-04T05:00:00Z"));
    // no controllers run here: the Kustomization never gets a status
    HoistException e =
        assertThrows(
            HoistException.class,
            () ->
                flux.waitReady(
                    "hello",
                    "flux-system",
                    "preview@sha256:" + "a".repeat(64),
                    Duration.ofSeconds(2)));
    assertTrue(
        e.getMessage().endsWith("nothing applied yet; Ready=Unknown: no Ready condition"),
        e.getMessage());
  }
}
