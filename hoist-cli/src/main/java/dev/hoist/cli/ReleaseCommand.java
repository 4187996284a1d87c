package dev.hoist.cli;

import dev.hoist.api.ReleaseOptions;
import dev.hoist.api.ReleaseResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hoist release}: parses, delegates to {@link dev.hoist.api.HoistProject#release}, prints.
 */
@Command(
    name = "release",
    mixinStandardHelpOptions = true,
    description = {
      "Releases HEAD: builds the apps' images, pins them into the overlays, pushes the manifests as a Flux "
          + "OCI artifact and writes the Flux objects of every cluster.",
      "HEAD must carry a vMAJOR.MINOR.PATCH[-PRERELEASE] tag and the tree must be clean (or use --snapshot).",
      "Without --registry or --oci-layout, everything goes into a local OCI layout under target/hoist/oci.",
      "Exit codes: 0 ok, 1 failure, 2 usage, 3 invalid hoist.yaml, 4 no release tag, 5 dirty tree, 6 registry."
    })
public final class ReleaseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ProjectOptions project;

  @ArgGroup(exclusive = true)
  Target target;

  static final class Target {
    @Option(
        names = "--registry",
        paramLabel = "HOST[:PORT]/NAMESPACE",
        description = "Push to this registry.")
    String registry;

    @Option(
        names = "--oci-layout",
        paramLabel = "DIR",
        description = "Write OCI image layouts under DIR.")
    Path layout;
  }

  @Option(
      names = "--insecure",
      description =
          "Allow plain HTTP to the registry, registry base images and third-party image registries.")
  boolean insecure;

  @Mixin CredsOption creds;

  @Option(
      names = "--snapshot",
      description = "Release HEAD as 0.0.0-<sha> without a tag; never moves latest.")
  boolean snapshot;

  @Option(
      names = "--dry-run",
      description = "Print the plan (with the digests it would push); write and push nothing.")
  boolean dryRun;

  @Option(
      names = "--offline",
      description =
          "No network: bases from tar: or the cache; third-party images by tag are refused, named"
              + " (an OCI layout destination only).")
  boolean offline;

  @Option(
      names = "--sign-key",
      paramLabel = "FILE|env://VAR",
      description =
          "Sign every pushed image and the artifact by digest, cosign's format (PKCS#8 PEM ECDSA"
              + " P-256 key; see hoist sign generate-key).")
  String signKey;

  @Option(
      names = "--sbom-output",
      paramLabel = "DIR",
      description =
          "Also write each image's CycloneDX SBOM to DIR/<app>.cdx.json (besides attaching it).")
  java.nio.file.Path sbomOutput;

  @Option(
      names = "--no-lint",
      description = "Release even when hoist lint finds errors in the overlays (said on stderr).")
  boolean noLint;

  @Override
  public Integer call() {
    ReleaseOptions options =
        new ReleaseOptions(
            target == null ? null : target.registry,
            target == null ? null : target.layout,
            insecure,
            creds.value,
            snapshot,
            dryRun,
            offline,
            signKey,
            noLint,
            sbomOutput);
    ReleaseResult result = project.project(spec).release(options);
    PrintWriter out = spec.commandLine().getOut();
    out.println(project.json() ? Json.write(toJson(result)) : toText(result));
    out.flush();
    return 0;
  }

  static Map<String, Object> toJson(ReleaseResult r) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("version", r.version());
    json.put("revision", r.revision());
    json.put(
        "images",
        r.images().stream()
            .map(i -> ordered("name", i.name(), "ref", i.ref(), "digest", i.digest()))
            .toList());
    json.put(
        "artifacts",
        r.artifacts().stream()
            .map(
                a ->
                    ordered(
                        "name", a.name(), "url", a.url(), "tags", a.tags(), "digest", a.digest()))
            .toList());
    json.put("flux", r.flux());
    json.put("commit", r.commit());
    if (!r.sboms().isEmpty()) {
      json.put(
          "sboms",
          r.sboms().stream().map(x -> ordered("image", x.image(), "sbom", x.sbom())).toList());
    }
    if (!r.signatures().isEmpty()) {
      json.put(
          "signatures",
          r.signatures().stream()
              .map(x -> ordered("signed", x.signed(), "signature", x.signature()))
              .toList());
    }
    return json;
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  static String toText(ReleaseResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.dryRun() ? "plan for " : "released ")
        .append(r.version())
        .append(" (")
        .append(r.revision())
        .append(")\n");
    for (ReleaseResult.Image i : r.images()) {
      sb.append("image     ")
          .append(i.ref())
          .append(" tags ")
          .append(String.join(",", i.tags()))
          .append('\n');
    }
    for (ReleaseResult.Artifact a : r.artifacts()) {
      sb.append("artifact  ")
          .append(a.url())
          .append('@')
          .append(a.digest())
          .append(" tags ")
          .append(String.join(",", a.tags()))
          .append('\n');
    }
    for (String f : r.flux()) {
      sb.append("flux      ").append(f).append('\n');
    }
    for (String f : r.commit()) {
      sb.append("commit    ").append(f).append('\n');
    }
    return sb.toString().stripTrailing();
  }
}
