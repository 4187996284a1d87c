package dev.hoist.cli;

import dev.hoist.chart.ChartPush;
import dev.hoist.chart.Charts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hoist chart push}: as helm push, through hoist's registry client and tag rules. */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    description = {
      "Pushes a chart (a directory, packaged as 'hoist chart package' does, or a .tgz) to "
          + "oci://REGISTRY/NAMESPACE/<name>:<version> ('+' in the version written '_'), as helm push writes it.",
      "With no argument: every chart of hoist.yaml to <registry>/<repository>; a version already there with "
          + "identical content is skipped (and said so).",
      "A chart version is immutable: another digest at that version is refused before any upload, naming both "
          + "digests (--force moves it and says so)."
    })
public final class ChartPushCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "CHART_DIR|CHART.tgz oci://REGISTRY/NAMESPACE",
      arity = "0..2",
      description = "What to push and where (neither: the charts of hoist.yaml).")
  List<String> args = new ArrayList<>();

  @Option(
      names = "--config",
      defaultValue = "hoist.yaml",
      description = "The project descriptor, with no argument (default: ${DEFAULT-VALUE}).")
  Path config;

  @Option(
      names = "--registry",
      paramLabel = "HOST[:PORT]/NAMESPACE",
      description = "With no argument: push there instead of hoist.yaml's registry.")
  String registryOverride;

  @Option(names = "--force", description = "Move a version tag that names another chart.")
  boolean force;

  @Option(
      names = "--sign-key",
      paramLabel = "FILE|env://VAR",
      description =
          "Sign every pushed chart by digest with this key (PKCS#8 PEM, ECDSA P-256), in cosign's"
              + " format.")
  String signKey;

  @Mixin RegistryOptions registry;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description = "Output format: text or json.")
  OutputFormat output;

  @Override
  public Integer call() throws Exception {
    if (args.size() == 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "give CHART_DIR|CHART.tgz and oci://REGISTRY/NAMESPACE, or neither");
    }
    Charts charts =
        Charts.forRegistries(
            registry.creds,
            registry.insecure,
            System.getenv(),
            registry.progress(spec.commandLine().getErr()));
    if (signKey != null) {
      // a bad key stops the push before anything is uploaded
      try {
        charts = charts.signedWith(dev.hoist.sign.SigningKey.load(signKey, System.getenv()));
      } catch (IllegalArgumentException e) {
        throw new dev.hoist.run.HoistException(dev.hoist.run.ExitCode.USAGE, e.getMessage());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (args.isEmpty()) {
      List<ChartPush> pushed = charts.pushAll(config, registryOverride, force);
      if (output == OutputFormat.json) {
        List<Object> list = new ArrayList<>();
        pushed.forEach(p -> list.add(json(p)));
        out.println(Json.write(list));
      } else {
        pushed.forEach(p -> out.println(text(p)));
      }
    } else {
      ChartPush p = charts.push(Path.of(args.get(0)), args.get(1), force);
      out.println(output == OutputFormat.json ? Json.write(json(p)) : text(p));
    }
    out.flush();
    return 0;
  }

  private static String text(ChartPush p) {
    return p.url() + ":" + p.tag() + "@" + p.digest() + (p.pushed() ? "" : " (unchanged)");
  }

  private static Map<String, Object> json(ChartPush p) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", p.name());
    json.put("version", p.version());
    json.put("url", p.url());
    json.put("tag", p.tag());
    json.put("digest", p.digest());
    if (p.signature() != null) {
      json.put("signature", p.signature());
    }
    return json;
  }
}
