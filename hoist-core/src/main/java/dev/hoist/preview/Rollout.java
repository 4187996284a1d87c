package dev.hoist.preview;

import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;
import dev.hoist.run.Progress;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Applies a rendered preview through the Kubernetes API (server-side apply, field manager {@code
 * hoist}) together with its inventory, deletes what the previous preview's inventory lists and the
 * overlay no longer has (prune) and waits for the workloads.
 */
final class Rollout {
  private final Kube kube;
  private final Progress progress;

  Rollout(Kube kube, Progress progress) {
    this.kube = kube;
    this.progress = progress;
  }

  /** Applies {@code rendered} and its inventory, then prunes; returns what was pruned. */
  List<Inventory.Entry> apply(PreviewOverlay rendered) {
    List<Inventory.Entry> before =
        kube.configMapValue(Inventory.NAMESPACE, Inventory.NAME, "objects")
            .map(Inventory::parse)
            .orElse(List.of());
    progress.say("preview: applying " + rendered.objects().size() + " objects (server-side)");
    kube.apply(rendered.yaml() + "---\n" + Inventory.configMap(rendered.objects()));
    List<Inventory.Entry> gone = Inventory.prune(before, rendered.objects());
    for (Inventory.Entry e : gone) {
      progress.say("preview: pruning " + e.kind() + " " + Kube.where(e.namespace(), e.name()));
      kube.delete(e);
    }
    return gone;
  }

  /** Waits for every workload; one that is not ready is named with its last event. */
  void waitReady(List<Inventory.Entry> objects, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    for (Inventory.Entry o : objects) {
      if (!Workloads.KINDS.contains(o.kind())) {
        continue;
      }
      progress.say("preview: waiting for " + o.kind() + " " + Kube.where(o.namespace(), o.name()));
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      kube.waitFor(
          o.apiVersion(),
          o.kind(),
          o.namespace(),
          o.name(),
          r -> Workloads.state(r) != Workloads.State.WAITING,
          left);
      Optional<GenericKubernetesResource> now =
          kube.get(o.apiVersion(), o.kind(), o.namespace(), o.name());
      Workloads.State state = now.map(Workloads::state).orElse(Workloads.State.WAITING);
      if (state != Workloads.State.READY) {
        throw new HoistException(
            ExitCode.FAILURE,
            o.kind()
                + " "
                + Kube.where(o.namespace(), o.name())
                + (state == Workloads.State.FAILED
                    ? " failed"
                    : " is not ready within " + wait.toSeconds() + " s")
                + ": "
                + kube.lastEvent(o.namespace(), o.name())
                    .map(m -> "last event: " + m)
                    .orElse("no event"));
      }
    }
  }
}
