package dev.hoist.preview;

import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster side of {@code --mode flux}, through {@code kubectl}: installs Flux when its CRDs are
 * missing (server-side apply of the install manifests, then every controller available), applies
 * the app's OCIRepository and Kustomization, asks Flux to reconcile them now (the {@code
 * reconcile.fluxcd.io/requestedAt} annotation {@code flux reconcile} sets), and waits until the
 * Kustomization is {@code Ready} at the preview artifact's revision.
 */
final class FluxReconcile {
  static final String KUSTOMIZATIONS_CRD = "kustomizations.kustomize.toolkit.fluxcd.io";
  static final String FLUX_NAMESPACE = "flux-system";
  private static final Duration SHORT = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofSeconds(2);

  private final String context;
  private final Commands commands;

  FluxReconcile(String context, Commands commands) {
    this.context = context;
    this.commands = commands;
  }

  private List<String> kubectl(String... args) {
    List<String> out = new ArrayList<>(List.of("kubectl", "--context", context));
    out.addAll(List.of(args));
    return out;
  }

  /** Whether Flux's Kustomization CRD is in the cluster. */
  boolean installed() {
    return commands
            .attempt(new KindSetup.Command(kubectl("get", "crd", KUSTOMIZATIONS_CRD), null), SHORT)
            .code()
        == 0;
  }

  /** The calls that install Flux from {@code manifests} and wait for its controllers. */
  List<KindSetup.Command> installPlan(String manifests, Duration wait) {
    return List.of(
        apply(manifests),
        new KindSetup.Command(
            kubectl(
                "wait",
                "--for=condition=Available",
                "deployment",
                "--all",
                "--namespace=" + FLUX_NAMESPACE,
                "--timeout=" + wait.toSeconds() + "s"),
            null));
  }

  /**
   * The calls that apply the app's Flux objects and ask for their reconciliation at {@code now}.
   */
  List<KindSetup.Command> applyPlan(String objects, String name, String namespace, Instant now) {
    List<KindSetup.Command> plan = new ArrayList<>();
    plan.add(apply(objects));
    for (String kind : List.of("ocirepositories.source.toolkit.fluxcd.io", KUSTOMIZATIONS_CRD)) {
      plan.add(
          new KindSetup.Command(
              kubectl(
                  "annotate",
                  "--overwrite",
                  "--namespace=" + namespace,
                  kind + "/" + name,
                  "reconcile.fluxcd.io/requestedAt=" + now),
              null));
    }
    return plan;
  }

  void run(List<KindSetup.Command> plan, Duration timeout) {
    for (KindSetup.Command c : plan) {
      commands.run(c, timeout);
    }
  }

  private KindSetup.Command apply(String yaml) {
    return new KindSetup.Command(
        kubectl("apply", "--server-side", "--field-manager=hoist", "--force-conflicts", "-f", "-"),
        yaml);
  }

  /**
   * Waits until Kustomization {@code namespace/name} is Ready at {@code revision}; one that is not
   * within {@code wait} is named with its Ready message (exit 1).
   */
  void waitReady(String name, String namespace, String revision, Duration wait) {
    KindSetup.Command get =
        new KindSetup.Command(
            kubectl(
                "get",
                KUSTOMIZATIONS_CRD + "/" + name,
                "--namespace=" + namespace,
                "-o",
                "jsonpath={.status.lastAppliedRevision}{\"\\t\"}"
                    + "{.status.conditions[?(@.type==\"Ready\")].status}{\"\\t\"}"
                    + "{.status.conditions[?(@.type==\"Ready\")].message}"),
            null);
    long deadline = System.nanoTime() + wait.toNanos();
    Status last = new Status("", "", "no status yet");
    while (true) {
      Commands.Result r = commands.attempt(get, SHORT);
      if (r.code() == 0) {
        last = Status.parse(r.out());
        if (last.readyAt(revision)) {
          return;
        }
      }
      if (System.nanoTime() > deadline) {
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
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new HoistException(ExitCode.FAILURE, "interrupted");
      }
    }
  }

  /** A Kustomization's applied revision and Ready condition, as the jsonpath above prints them. */
  record Status(String appliedRevision, String ready, String message) {
    static Status parse(String out) {
      String[] f = out.replaceAll("[\r\n]+$", "").split("\t", 3);
      return new Status(
          f[0], f.length > 1 ? f[1] : "", f.length > 2 ? f[2].strip() : "no Ready condition");
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
