package dev.hoist.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The kubectl calls of an apply: one server-side apply with the inventory, then the prunes. */
class RolloutTest {
  @Test
  void applyThenPruneWhatTheOverlayNoLongerHas() {
    Inventory.Entry deployment = new Inventory.Entry("apps/v1", "Deployment", "dev", "api");
    Inventory.Entry oldJob = new Inventory.Entry("batch/v1", "Job", "dev", "migrate");
    PreviewOverlay rendered = new PreviewOverlay("kind: Deployment\n", List.of(deployment), null);
    List<KindSetup.Command> plan =
        new Rollout("kind-hoist", new Commands(m -> {}))
            .applyPlan(rendered, List.of(deployment, oldJob));
    assertEquals(
        List.of(
            "kubectl --context kind-hoist apply --server-side --field-manager=hoist"
                + " --force-conflicts -f -",
            "kubectl --context kind-hoist delete --ignore-not-found job.batch/migrate"
                + " --namespace=dev"),
        plan.stream().map(c -> String.join(" ", c.args())).toList());
    String stdin = plan.get(0).stdin();
    assertTrue(stdin.startsWith("kind: Deployment\n---\napiVersion: v1\nkind: ConfigMap\n"), stdin);
    assertTrue(stdin.endsWith("    apps/v1 Deployment dev api\n"), stdin);
  }
}
