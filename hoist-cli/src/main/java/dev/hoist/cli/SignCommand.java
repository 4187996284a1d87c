package dev.hoist.cli;

import dev.hoist.sign.KeyPairs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hoist sign}: keys for cosign-compatible signatures. */
@Command(
    name = "sign",
    mixinStandardHelpOptions = true,
    description = "Keys for cosign-compatible signatures (see: hoist sign generate-key --help).")
public final class SignCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** {@code hoist sign generate-key}. */
  @Command(
      name = "generate-key",
      mixinStandardHelpOptions = true,
      description = {
        "Writes a new ECDSA P-256 key pair: PREFIX.key (PKCS#8 PEM, mode 0600) and PREFIX.pub"
            + " (PEM, as cosign.pub; Flux's verify Secret holds it). Never overwrites.",
        "Exit codes: 0 ok, 1 a file exists or cannot be written."
      })
  public static final class GenerateKey implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--output",
        paramLabel = "PREFIX",
        defaultValue = "cosign",
        description = "Path prefix of the two files (default: ${DEFAULT-VALUE}).")
    Path prefix;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      KeyPairs.generate(prefix).forEach(out::println);
      out.flush();
      return 0;
    }
  }
}
