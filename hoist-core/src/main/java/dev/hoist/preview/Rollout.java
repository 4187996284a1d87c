package dev.hoist.preview;

import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Applies a rendered preview with {@code kubectl} (server-side apply, field manager {@code hoist}),
 * prunes what the previous preview's inventory lists and the overlay no longer has, waits for the
 * workloads, and says how to reach the Services.
 */
final class Rollout {
  private static final Duration SHORT = Duration.ofSeconds(60);
  private static final Set<String> ROLLED_OUT = Set.of("Deployment", "StatefulSet", "DaemonSet");

  private final String context;
  private final Commands commands;

  Rollout(String context, Commands commands) {
    this.context = context;
    this.commands = commands;
  }

  private List<String> kubectl(String... args) {
    List<String> out = new ArrayList<>(List.of("kubectl", "--context", context));
    out.addAll(List.of(args));
    return out;
  }

  /** The {@code kubectl} calls of {@link #apply}, after reading the previous inventory. */
  List<KindSetup.Command> applyPlan(PreviewOverlay rendered, List<Inventory.Entry> before) {
    List<KindSetup.Command> plan = new ArrayList<>();
    plan.add(
        new KindSetup.Command(
            kubectl(
                "apply", "--server-side", "--field-manager=hoist", "--force-conflicts", "-f", "-"),
            rendered.yaml() + "---\n" + Inventory.configMap(rendered.objects())));
    for (Inventory.Entry gone : Inventory.prune(before, rendered.objects())) {
      plan.add(new KindSetup.Command(kubectl(gone.deleteArgs().toArray(String[]::new)), null));
    }
    return plan;
  }

  void apply(PreviewOverlay rendered) {
    Commands.Result previous =
        commands.attempt(
            new KindSetup.Command(
                kubectl(
                    "get",
                    "configmap",
                    Inventory.NAME,
                    "--namespace",
                    Inventory.NAMESPACE,
                    "--ignore-not-found",
                    "-o",
                    "jsonpath={.data.objects}"),
                null),
            SHORT);
    List<Inventory.Entry> before =
        previous.code() == 0 ? Inventory.parse(previous.out()) : List.of();
    for (KindSetup.Command c : applyPlan(rendered, before)) {
      commands.run(c, SHORT);
    }
  }

  /** Waits for every workload; one that is not ready is named with its last event. */
  void waitReady(List<Inventory.Entry> objects, Duration wait) {
    for (Inventory.Entry o : objects) {
      List<String> args;
      if (ROLLED_OUT.contains(o.kind())) {
        args =
            kubectl(
                "rollout",
                "status",
                o.kind().toLowerCase(java.util.Locale.ROOT) + "/" + o.name(),
                "--timeout=" + wait.toSeconds() + "s");
      } else if (o.kind().equals("Job")) {
        args =
            kubectl(
                "wait",
                "--for=condition=complete",
                "job/" + o.name(),
                "--timeout=" + wait.toSeconds() + "s");
      } else {
        continue;
      }
      if (o.namespace() != null) {
        args.add("--namespace=" + o.namespace());
      }
      Commands.Result r = commands.attempt(new KindSetup.Command(args, null), wait.plus(SHORT));
      if (r.code() != 0) {
        throw new HoistException(
            ExitCode.FAILURE,
            o.kind()
                + " "
                + where(o)
                + " is not ready within "
                + wait.toSeconds()
                + " s: "
                + lastEvent(o));
      }
    }
  }

  private String lastEvent(Inventory.Entry o) {
    List<String> args =
        kubectl(
            "get",
            "events",
            "--field-selector=involvedObject.name=" + o.name(),
            "--sort-by=.lastTimestamp",
            "-o",
            "jsonpath={.items[-1:].message}");
    if (o.namespace() != null) {
      args.add("--namespace=" + o.namespace());
    }
    Commands.Result r = commands.attempt(new KindSetup.Command(args, null), SHORT);
    String message = r.out().strip();
    return message.isEmpty() ? "no event" : "last event: " + message;
  }

  /** A {@code kubectl port-forward} line for each Service. */
  List<String> access(List<Inventory.Entry> objects) {
    List<String> out = new ArrayList<>();
    for (Inventory.Entry o : objects) {
      if (!o.kind().equals("Service") || !o.apiVersion().equals("v1")) {
        continue;
      }
      List<String> args =
          kubectl("get", "service/" + o.name(), "-o", "jsonpath={.spec.ports[0].port}");
      if (o.namespace() != null) {
        args.add("--namespace=" + o.namespace());
      }
      String port = commands.run(new KindSetup.Command(args, null), SHORT).strip();
      out.add(
          "kubectl --context "
              + context
              + (o.namespace() == null ? "" : " -n " + o.namespace())
              + " port-forward service/"
              + o.name()
              + " "
              + port
              + ":"
              + port);
    }
    return out;
  }

  private static String where(Inventory.Entry o) {
    return (o.namespace() == null ? "" : o.namespace() + "/") + o.name();
  }
}
