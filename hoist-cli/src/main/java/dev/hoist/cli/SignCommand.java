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
        "Writes a new ECDSA P-256 key pair: PREFIX.key (mode 0600) and PREFIX.pub (PEM, as"
            + " cosign.pub; Flux's verify Secret holds it). Never overwrites.",
        "With COSIGN_PASSWORD set (it may be empty) PREFIX.key is in cosign's encrypted format"
            + " (ENCRYPTED SIGSTORE PRIVATE KEY), as cosign generate-key-pair writes it; without,"
            + " an unencrypted PKCS#8 PEM key (said on stderr).",
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
      String password = System.getenv("COSIGN_PASSWORD");
      if (password == null) {
        spec.commandLine()
            .getErr()
            .println(
                "hoist: COSIGN_PASSWORD is not set: writing an unencrypted PKCS#8 key (set it,"
                    + " even empty, for cosign's encrypted format)");
      }
      KeyPairs.generate(prefix, password).forEach(out::println);
      out.flush();
      return 0;
    }
  }
}
