package dev.hoist.preview;

import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The cluster side of {@code --mode flux}, through the Kubernetes API: installs Flux when its CRDs
 * are missing (server-side apply of the install manifests, then every controller rolled out),
 * applies the app's OCIRepository and Kustomization, asks Flux to reconcile them now (the {@code
 * reconcile.fluxcd.io/requestedAt} annotation {@code flux reconcile} sets), and waits, watching the
 * Kustomization, until it is {@code Ready} at the preview artifact's revision.
 */
final class FluxReconcile {
  static final String KUSTOMIZATIONS_CRD = "kustomizations.kustomize.toolkit.fluxcd.io";
  static final String SOURCE_API = "source.toolkit.fluxcd.io/v1";
  static final String KUSTOMIZE_API = "kustomize.toolkit.fluxcd.io/v1";
  static final String REQUESTED_AT = "reconcile.fluxcd.io/requestedAt";

  private final Kube kube;

  FluxReconcile(Kube kube) {
    this.kube = kube;
  }

  /** Whether Flux's Kustomization CRD is in the cluster. */
  boolean installed() {
    return kube.get("apiextensions.k8s.io/v1", "CustomResourceDefinition", null, KUSTOMIZATIONS_CRD)
        .isPresent();
  }

  /** Applies Flux's install manifests and waits until every controller rolled out. */
  void install(String manifests, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    for (HasMetadata applied : kube.apply(manifests)) {
      if (!applied.getKind().equals("Deployment")) {
        continue;
      }
      String ns = applied.getMetadata().getNamespace();
      String name = applied.getMetadata().getName();
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      if (!kube.waitFor(
          "apps/v1",
          "Deployment",
          ns,
          name,
          r -> Workloads.state(r) == Workloads.State.READY,
          left)) {
        throw new HoistException(
            ExitCode.FAILURE,
            "Flux controller Deployment "
                + Kube.where(ns, name)
                + " is not ready within "
                + wait.toSeconds()
                + " s: "
                + kube.lastEvent(ns, name).map(m -> "last event: " + m).orElse("no event"));
      }
    }
  }

  /** Applies the app's Flux objects and asks Flux to reconcile them at {@code now}. */
  void apply(String objects, String name, String namespace, Instant now) {
    kube.apply(objects);
    kube.annotate(SOURCE_API, "OCIRepository", namespace, name, REQUESTED_AT, now.toString());
    kube.annotate(KUSTOMIZE_API, "Kustomization", namespace, name, REQUESTED_AT, now.toString());
  }

  /**
   * Waits until Kustomization {@code namespace/name} is Ready at {@code revision}; one that is not
   * within {@code wait} is named with its Ready message (exit 1).
   */
  void waitReady(String name, String namespace, String revision, Duration wait) {
    if (kube.waitFor(
        KUSTOMIZE_API,
        "Kustomization",
        namespace,
        name,
        r -> Status.of(r).readyAt(revision),
        wait)) {
      return;
    }
    Status last =
        kube.get(KUSTOMIZE_API, "Kustomization", namespace, name)
            .map(Status::of)
            .orElse(new Status("", "", "the Kustomization is gone"));
    throw new HoistException(
        ExitCode.FAILURE,
        "Kustomization "
            + namespace
            + "/"
            + name
            + " is not ready at "
            + revision
            + " within "
            + wait.toSeconds()
            + " s: "
            + last.describe());
  }

  /** A Kustomization's applied revision and Ready condition. */
  record Status(String appliedRevision, String ready, String message) {
    static Status of(GenericKubernetesResource kustomization) {
      Map<String, Object> status =
          Workloads.map(kustomization.getAdditionalProperties().get("status"));
      Object applied = status.get("lastAppliedRevision");
      var ready = Workloads.find(status, "Ready");
      return new Status(
          applied == null ? "" : applied.toString(),
          ready.map(c -> String.valueOf(c.get("status"))).orElse(""),
          ready.map(c -> String.valueOf(c.get("message"))).orElse("no Ready condition"));
    }

    boolean readyAt(String revision) {
      return ready.equals("True") && appliedRevision.equals(revision);
    }

    String describe() {
      return (appliedRevision.isEmpty() ? "nothing applied yet" : "applied " + appliedRevision)
          + "; Ready="
          + (ready.isEmpty() ? "Unknown" : ready)
          + ": "
          + message;
    }
  }
}
