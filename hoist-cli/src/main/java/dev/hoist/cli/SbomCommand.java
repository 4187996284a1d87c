package dev.hoist.cli;

import dev.hoist.api.HoistFailure;
import dev.hoist.oci.Reference;
import dev.hoist.sbom.Sboms;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hoist sbom}: prints the CycloneDX SBOM attached to an image. */
@Command(
    name = "sbom",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the CycloneDX SBOM hoist release attached to an image (an OCI referrer, found through"
          + " the referrers tag schema).",
      "Exit codes: 0 printed, 1 the image has no SBOM, 2 usage, 6 registry."
    })
public final class SbomCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "oci://REPO@sha256:…", description = "The image.")
  String url;

  @Mixin RegistryOptions registry;

  @Override
  public Integer call() throws Exception {
    Reference ref;
    try {
      ref = Reference.parse(url);
    } catch (IllegalArgumentException e) {
      throw new HoistFailure(HoistFailure.USAGE, e.getMessage(), e);
    }
    if (ref.digest().isEmpty()) {
      throw new HoistFailure(
          HoistFailure.USAGE, url + ": name the image by digest (@sha256:…)", null);
    }
    Optional<byte[]> sbom =
        Sboms.read(
            registry.artifacts(spec.commandLine().getErr()).repository(ref), ref.digest().get());
    if (sbom.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println("hoist: no SBOM attached to " + ref.name() + "@" + ref.digest().get());
      spec.commandLine().getErr().flush();
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(new String(sbom.get(), StandardCharsets.UTF_8));
    out.flush();
    return 0;
  }
}
