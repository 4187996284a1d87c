package dev.hoist.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.run.HoistException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --mode flux} against fabric8's mock API server: Flux's CRDs (the real Flux 2.9 ones)
 * installed, the app's objects applied and annotated, Ready read at the pushed revision.
 */
class FluxReconcileTest {
  private final ApiServer server = new ApiServer();
  private final FluxReconcile flux = new FluxReconcile(new Kube(server.client, "kind-hoist"));
  private static final String PUSHED = "preview@sha256:" + "a".repeat(64);

  @AfterEach
  void stop() {
    server.close();
  }

  private void installAndApply() throws Exception {
    assertFalse(flux.installed());
    flux.install(FluxFixtures.installManifests(), Duration.ofSeconds(5));
    assertTrue(flux.installed());
    flux.apply(
        FluxFixtures.APP_OBJECTS, "hello", "flux-system", Instant.parse("2026-12-04T05:00:00Z"));
  }

  private void status(String revision, String ready, String message) {
    var kustomizations =
        server.client.genericKubernetesResources(FluxReconcile.KUSTOMIZE_API, "Kustomization");
    GenericKubernetesResource k = kustomizations.inNamespace("flux-system").withName("hello").get();
    k.setAdditionalProperty(
        "status",
        Map.of(
            "lastAppliedRevision",
            revision,
            "conditions",
            List.of(Map.of("type", "Ready", "status", ready, "message", message))));
    kustomizations.inNamespace("flux-system").resource(k).updateStatus();
  }

  @Test
  void installedAppliedAndAskedToReconcileAtOnce() throws Exception {
    installAndApply();
    for (String kind : List.of("OCIRepository", "Kustomization")) {
      GenericKubernetesResource r =
          server
              .client
              .genericKubernetesResources(
                  kind.equals("Kustomization")
                      ? FluxReconcile.KUSTOMIZE_API
                      : FluxReconcile.SOURCE_API,
                  kind)
              .inNamespace("flux-system")
              .withName("hello")
              .get();
      assertEquals(
          "2026-12-04T05:00:00Z",
          r.getMetadata().getAnnotations().get("reconcile.fluxcd.io/requestedAt"),
          kind);
    }
  }

  @Test
  void readyOnlyAtThePushedRevision() throws Exception {
    installAndApply();
    status(PUSHED, "True", "Applied revision: " + PUSHED);
    flux.waitReady("hello", "flux-system", PUSHED, Duration.ofSeconds(5));

    String older = "preview@sha256:" + "b".repeat(64);
    status(older, "False", "kustomize build failed: accumulating resources");
    HoistException e =
        assertThrows(
            HoistException.class,
            () -> flux.waitReady("hello", "flux-system", PUSHED, Duration.ofMillis(500)));
    assertEquals(
        "Kustomization flux-system/hello is not ready at "
            + PUSHED
            + " within 0 s: applied "
            + older
            + "; Ready=False: kustomize build failed: accumulating resources",
        e.getMessage());
  }

  @Test
  void aControllerThatDoesNotRollOutIsNamed() throws Exception {
    String controller =
        FluxFixtures.installManifests()
            + """
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: source-controller, namespace: flux-system}
            spec:
              selector: {matchLabels: {app: source-controller}}
              template:
                metadata: {labels: {app: source-controller}}
                spec: {containers: [{name: manager, image: ghcr.io/fluxcd/source-controller}]}
            """;
    HoistException e =
        assertThrows(HoistException.class, () -> flux.install(controller, Duration.ofMillis(500)));
    assertEquals(
        "Flux controller Deployment flux-system/source-controller is not ready within 0 s: no"
            + " event",
        e.getMessage());
  }
}
