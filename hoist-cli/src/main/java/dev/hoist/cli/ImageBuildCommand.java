package dev.hoist.cli;

import dev.hoist.api.ImageOptions;
import dev.hoist.api.ImagesResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hoist image build}: parses, delegates to {@link dev.hoist.api.HoistProject#buildImages},
 * prints.
 */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Builds the apps of hoist.yaml (all, or the APPs named) into images and stores them.",
      "Version and labels come from the git checkout: a vMAJOR.MINOR.PATCH tag at HEAD on a clean tree gives "
          + "that version (and latest for a stable one); otherwise the image is a snapshot 0.0.0-<sha>. "
          + "created = the commit time, so the same commit gives the same digest.",
      "Without --registry, --oci-layout or --tar, images go into OCI layouts under target/hoist/oci/<app>.",
      "Exit codes: 0 ok, 1 failure, 2 usage, 3 invalid hoist.yaml, 4 not a git checkout, 6 registry."
    })
public final class ImageBuildCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "APP",
      arity = "0..*",
      description = "Apps to build (default: every app).")
  List<String> apps = new ArrayList<>();

  @Mixin ProjectOptions project;

  @ArgGroup(exclusive = true)
  Target target;

  static final class Target {
    @Option(
        names = "--registry",
        paramLabel = "HOST[:PORT]/NAMESPACE",
        description = "Push to <registry>/<app>.")
    String registry;

    @Option(
        names = "--oci-layout",
        paramLabel = "DIR",
        description = "Write OCI image layouts DIR/<app>.")
    Path layout;

    @Option(
        names = "--tar",
        paramLabel = "FILE",
        description = "Write one app's image as an OCI tarball.")
    Path tar;
  }

  @Option(
      names = "--platform",
      split = ",",
      paramLabel = "OS/ARCH",
      description =
          "Platforms to build, e.g. linux/amd64,linux/arm64 (several give an OCI image index; "
              + "needs a multi-arch registry base).")
  List<String> platforms = new ArrayList<>();

  @Option(
      names = "--insecure",
      description = "Allow plain HTTP to the registry and to registry base images.")
  boolean insecure;

  @Option(
      names = "--offline",
      description = "Use only local base images and the local base-layer cache.")
  boolean offline;

  @Mixin CredsOption creds;

  @Option(
      names = "--sign-key",
      paramLabel = "FILE|env://VAR",
      description =
          "Sign every pushed image by digest, cosign's format (PKCS#8 PEM ECDSA P-256 key; see hoist"
              + " sign generate-key). Not with --tar.")
  String signKey;

  @Option(
      names = "--sbom-output",
      paramLabel = "DIR",
      description =
          "Also write each image's CycloneDX SBOM to DIR/<app>.cdx.json (besides attaching it)."
              + " Not with --tar.")
  java.nio.file.Path sbomOutput;

  @Override
  public Integer call() {
    ImageOptions options =
        new ImageOptions(
            apps,
            target == null ? null : target.registry,
            target == null ? null : target.layout,
            target == null ? null : target.tar,
            platforms,
            insecure,
            offline,
            creds.value,
            signKey,
            sbomOutput);
    ImagesResult result = project.project(spec).buildImages(options);
    PrintWriter out = spec.commandLine().getOut();
    out.println(project.json() ? Json.write(toJson(result)) : toText(result));
    out.flush();
    return 0;
  }

  static Map<String, Object> toJson(ImagesResult result) {
    List<Map<String, Object>> images = new ArrayList<>();
    for (ImagesResult.Image i : result.images()) {
      Map<String, Object> image = new LinkedHashMap<>();
      image.put("name", i.name());
      image.put("ref", i.ref());
      image.put("digest", i.digest());
      image.put("tags", i.tags());
      image.put("platforms", i.platforms());
      image.put("pushed", i.pushed());
      if (i.sbom() != null) {
        image.put("sbom", i.sbom());
      }
      images.add(image);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("images", images);
    return json;
  }

  static String toText(ImagesResult result) {
    StringBuilder sb = new StringBuilder();
    for (ImagesResult.Image i : result.images()) {
      sb.append("image  ")
          .append(i.name())
          .append("  ")
          .append(i.ref())
          .append("  tags ")
          .append(String.join(",", i.tags()))
          .append("  ")
          .append(String.join(",", i.platforms()))
          .append(i.pushed() ? "" : "  (unchanged)")
          .append('\n');
    }
    return sb.toString().stripTrailing();
  }
}
