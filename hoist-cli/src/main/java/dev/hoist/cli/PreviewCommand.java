package dev.hoist.cli;

import dev.hoist.preview.Preview;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hoist preview}: the developer's loop on a local kind cluster. */
@Command(
    name = "preview",
    mixinStandardHelpOptions = true,
    description = {
      "Previews an overlay on a local kind cluster with its own registry (see: hoist preview up --help).",
      "Needs a Docker engine and the kind and docker CLIs; without an engine it exits 7 at once."
    })
public final class PreviewCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** {@code hoist preview up}. */
  @Command(
      name = "up",
      mixinStandardHelpOptions = true,
      description = {
        "Creates the kind cluster and its registry when missing, builds the apps' images into the"
            + " registry, applies the overlay pinned to them (server-side, pruning what an earlier"
            + " preview applied and the overlay no longer has; or, with --mode flux, through Flux"
            + " from a manifests artifact) and waits until it is ready.",
        "Exit codes: 0 ok, 1 failure (an object not ready: named with its last event), 2 usage,"
            + " 3 invalid hoist.yaml, 7 no Docker engine."
      })
  public static final class Up implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ProjectOptions project;

    @Option(names = "--overlay", description = "The overlay to preview (default: the first).")
    String overlay;

    @Option(names = "--cluster", defaultValue = "hoist", description = "kind cluster name.")
    String cluster;

    @Option(
        names = "--context",
        description = "Use this kubectl context's cluster (its KEP-1755 registry); create nothing.")
    String context;

    @Option(
        names = "--wait",
        defaultValue = "3m",
        description = "How long the workloads may take to be ready (Go duration).")
    String wait;

    @Option(
        names = "--mode",
        defaultValue = "apply",
        description =
            "apply (server-side apply by hoist, with prune) or flux (Flux installed when missing"
                + " reconciles the overlay from a manifests artifact in the preview registry).")
    String mode;

    @Override
    public Integer call() {
      Preview.Mode previewMode =
          switch (mode) {
            case "apply" -> Preview.Mode.APPLY;
            case "flux" -> Preview.Mode.FLUX;
            default ->
                throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--mode " + mode + ": expected apply or flux");
          };
      Duration readyWithin;
      try {
        readyWithin = dev.hoist.config.Durations.parse(wait);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--wait " + wait + ": " + e.getMessage());
      }
      PrintWriter err = spec.commandLine().getErr();
      Preview.Result r =
          Preview.up(
              new Preview.Request(
                  project.config,
                  overlay,
                  cluster,
                  context,
                  readyWithin,
                  previewMode,
                  System.getenv()),
              project.quiet || project.json()
                  ? dev.hoist.run.Progress.quiet()
                  : project.progress(err));
      PrintWriter out = spec.commandLine().getOut();
      if (project.json()) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cluster", r.cluster());
        json.put("context", r.context());
        json.put("registry", r.registry());
        json.put(
            "images",
            r.images().stream().map(i -> Map.of("name", i.name(), "ref", i.ref())).toList());
        json.put(
            "objects",
            r.objects().stream()
                .map(
                    o ->
                        o.kind()
                            + "/"
                            + (o.namespace() == null ? "" : o.namespace() + "/")
                            + o.name())
                .toList());
        json.put("ready", true);
        out.println(Json.write(json));
      } else {
        out.println("preview ready on " + r.context() + " (registry " + r.registry() + ")");
        r.access().forEach(out::println);
      }
      out.flush();
      return 0;
    }
  }

  /** {@code hoist preview down}. */
  @Command(
      name = "down",
      mixinStandardHelpOptions = true,
      description = "Deletes the kind cluster and, unless --keep-registry, its registry container.")
  public static final class Down implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--cluster", defaultValue = "hoist", description = "kind cluster name.")
    String cluster;

    @Option(
        names = "--keep-registry",
        description = "Keep the registry container (and its images).")
    boolean keepRegistry;

    @Override
    public Integer call() {
      Preview.down(cluster, keepRegistry, dev.hoist.run.Progress.to(spec.commandLine().getErr()));
      return 0;
    }
  }

  /** {@code hoist preview status}. */
  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Whether the preview's kind cluster and registry exist, and where.")
  public static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--cluster", defaultValue = "hoist", description = "kind cluster name.")
    String cluster;

    @Option(
        names = {"-o", "--output"},
        defaultValue = "text",
        description = "Output format: text or json.")
    OutputFormat output;

    @Override
    public Integer call() {
      var s = Preview.status(cluster, dev.hoist.run.Progress.quiet());
      PrintWriter out = spec.commandLine().getOut();
      if (output == OutputFormat.json) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cluster", s.cluster());
        json.put("exists", s.exists());
        json.put("registry", s.registry());
        json.put("registryRunning", s.registryRunning());
        out.println(Json.write(json));
      } else {
        out.println(
            "cluster "
                + s.cluster()
                + ": "
                + (s.exists() ? "exists" : "absent")
                + "; registry: "
                + (s.registry() == null
                    ? "absent"
                    : s.registry() + (s.registryRunning() ? " (running)" : " (stopped)")));
      }
      out.flush();
      return 0;
    }
  }
}
