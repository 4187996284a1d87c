package dev.hoist.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kubectl calls of {@code --mode flux} and how a Kustomization's status is read. */
class FluxReconcileTest {
  private final FluxReconcile flux = new FluxReconcile("kind-hoist", new Commands(m -> {}));

  private static List<String> lines(List<KindSetup.Command> plan) {
    return plan.stream().map(c -> String.join(" ", c.args())).toList();
  }

  @Test
  void installAppliesTheManifestsAndWaitsForEveryController() {
    List<KindSetup.Command> plan = flux.installPlan("kind: Namespace\n", Duration.ofMinutes(3));
    assertEquals(
        List.of(
            "kubectl --context kind-hoist apply --server-side --field-manager=hoist"
                + " --force-conflicts -f -",
            "kubectl --context kind-hoist wait --for=condition=Available deployment --all"
                + " --namespace=flux-system --timeout=180s"),
        lines(plan));
    assertEquals("kind: Namespace\n", plan.get(0).stdin());
  }

  @Test
  void theObjectsAreAppliedThenReconciledAtOnce() {
    List<KindSetup.Command> plan =
        flux.applyPlan(
            "kind: OCIRepository\n", "hello", "flux-system", Instant.parse("2026-12-04T05:00:00Z"));
    assertEquals(
        List.of(
            "kubectl --context kind-hoist apply --server-side --field-manager=hoist"
                + " --force-conflicts -f -",
            "kubectl --context kind-hoist annotate --overwrite --namespace=flux-system"
                + " ocirepositories.source.toolkit.fluxcd.io/hello"
                + " reconcile.fluxcd.io/requestedAt=2026-12-04T05:00:00Z",
            "kubectl --context kind-hoist annotate --overwrite --namespace=flux-system"
                + " kustomizations.kustomize.toolkit.fluxcd.io/hello"
                + " reconcile.fluxcd.io/requestedAt=2026-12-04T05:00:00Z"),
        lines(plan));
  }

  @Test
  void readyOnlyAtThePushedRevision() {
    String pushed = "preview@sha256:" + "a".repeat(64);
    FluxReconcile.Status ready =
        FluxReconcile.Status.parse(pushed + "\tTrue\tApplied revision: " + pushed + "\n");
    assertTrue(ready.readyAt(pushed));
    FluxReconcile.Status older =
        FluxReconcile.Status.parse("preview@sha256:" + "b".repeat(64) + "\tTrue\tApplied");
    assertFalse(older.readyAt(pushed));
    FluxReconcile.Status failing =
        FluxReconcile.Status.parse("\tFalse\tOCIRepository.source.toolkit.fluxcd.io not found");
    assertFalse(failing.readyAt(pushed));
    assertEquals(
        "nothing applied yet; Ready=False: OCIRepository.source.toolkit.fluxcd.io not found",
        failing.describe());
    assertEquals(
        "nothing applied yet; Ready=Unknown: no Ready condition",
        FluxReconcile.Status.parse("").describe());
  }
}
