package dev.hoist.cli;

import dev.hoist.api.HoistFailure;
import dev.hoist.oci.Digest;
import dev.hoist.oci.Reference;
import dev.hoist.sign.Signer;
import dev.hoist.sign.SigningKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hoist verify}: checks a cosign signature as Flux's OCIRepository verify does. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Checks that a manifest, named by digest, carries a cosign signature the public key verifies"
          + " over a payload naming that digest (what Flux's OCIRepository verify checks).",
      "Exit codes: 0 verified, 1 not verified (unsigned, wrong key, tampered payload), 2 usage,"
          + " 6 registry."
    })
public final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "oci://REPO@sha256:…", description = "What to verify.")
  String url;

  @Option(names = "--key", required = true, paramLabel = "FILE", description = "Public key (PEM).")
  Path key;

  @Mixin RegistryOptions registry;

  @Override
  public Integer call() throws Exception {
    Reference ref;
    java.security.PublicKey publicKey;
    try {
      ref = Reference.parse(url);
      publicKey = SigningKey.publicKey(key);
    } catch (IllegalArgumentException e) {
      throw new HoistFailure(HoistFailure.USAGE, e.getMessage(), e);
    }
    if (ref.digest().isEmpty()) {
      throw new HoistFailure(
          HoistFailure.USAGE, url + ": name the manifest by digest (@sha256:…), never a tag", null);
    }
    Digest digest = ref.digest().get();
    Optional<String> problem;
    try {
      problem =
          Signer.verify(
              registry.artifacts(spec.commandLine().getErr()).repository(ref), digest, publicKey);
    } catch (java.io.IOException e) {
      throw HoistFailure.of(e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (problem.isEmpty()) {
      out.println("verified " + ref.name() + "@" + digest);
      out.flush();
      return 0;
    }
    spec.commandLine()
        .getErr()
        .println("hoist: not verified: " + ref.name() + "@" + digest + ": " + problem.get());
    spec.commandLine().getErr().flush();
    return 1;
  }
}
