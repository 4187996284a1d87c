package dev.hoist.cli;

import dev.hoist.api.Hoist;
import dev.hoist.api.PushOptions;
import dev.hoist.api.PushResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hoist artifact push}: packs and pushes, as {@code flux push artifact}. */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    description = {
      "Packs a directory or file and pushes it as a Flux OCI artifact.",
      "--source and --revision default to the git checkout's remote URL and <tag or branch>@sha1:<commit>. "
          + "created is the commit time in a checkout (else now), 1970-01-01T00:00:00Z with --reproducible.",
      "Version tags are immutable: pushing X.Y.Z over another digest is refused before any upload "
          + "(--force moves it); the same content again is a no-op that uploads nothing.",
      "Differences from flux: symlinks are an error unless --resolve-symlinks; .env and .env.* files are "
          + "excluded with a warning; gzip bytes differ from Go's (compare with 'hoist artifact diff'); "
          + "the config blob is {}."
    })
public final class ArtifactPushCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "oci://REPO:TAG", description = "Where to push.")
  String url;

  @Option(
      names = {"-p", "--path"},
      required = true,
      paramLabel = "DIR|FILE",
      description = "What to pack.")
  Path path;

  @Option(
      names = "--source",
      paramLabel = "URL",
      description = "Source annotation (default: git remote URL).")
  String source;

  @Option(
      names = "--revision",
      paramLabel = "REV",
      description = "Revision annotation (default: <tag or branch>@sha1:<commit>).")
  String revision;

  @Option(
      names = {"-a", "--annotations"},
      paramLabel = "KEY=VALUE",
      description = "Extra manifest annotation (repeatable).")
  Map<String, String> annotations = new LinkedHashMap<>();

  @Option(names = "--reproducible", description = "created = 1970-01-01T00:00:00Z.")
  boolean reproducible;

  @Option(names = "--force", description = "Move a version tag that names another artifact.")
  boolean force;

  @Option(
      names = "--sign-key",
      paramLabel = "FILE|env://VAR",
      description =
          "Sign the pushed manifest by digest, cosign's format (PKCS#8 PEM ECDSA P-256 key; see"
              + " hoist sign generate-key).")
  String signKey;

  @Mixin PackOptions pack;

  @Mixin RegistryOptions registry;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description = "Output format: text or json.")
  OutputFormat output;

  @Override
  public Integer call() {
    PushOptions options =
        new PushOptions(
            url,
            path,
            source,
            revision,
            annotations,
            reproducible,
            pack.ignorePaths,
            pack.resolveSymlinks,
            force,
            registry.creds,
            registry.insecure,
            signKey);
    PushResult r =
        Hoist.project(Path.of(""))
            .progress(registry.progress(spec.commandLine().getErr()))
            .pushArtifact(options);
    PrintWriter out = spec.commandLine().getOut();
    if (output == OutputFormat.json) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("url", r.url());
      json.put("repository", r.repository());
      json.put("tag", r.tag());
      json.put("digest", r.digest());
      if (r.signature() != null) {
        json.put("signature", r.signature());
      }
      out.println(Json.write(json));
    } else {
      out.println(r.url() + "@" + r.digest());
    }
    out.flush();
    return 0;
  }
}
