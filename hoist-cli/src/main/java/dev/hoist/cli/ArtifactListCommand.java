package dev.hoist.cli;

import dev.hoist.artifact.ListedArtifact;
import java.io.PrintWriter;
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

/** {@code hoist artifact list}: the artifacts of a repository, as {@code flux list artifacts}. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "Lists a repository's artifacts with digest, source and revision; cosign .sig/.att/.sbom tags are hidden.",
      "--filter-semver takes Flux's ranges (Masterminds semver): >=1.0.0 <2.0.0, ~1.2, ^1, 1.x, 1.0 - 1.4, "
          + "a || b; pre-releases match only ranges that name a pre-release."
    })
public final class ArtifactListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "oci://REPO", description = "The repository.")
  String url;

  @Option(
      names = "--filter-semver",
      paramLabel = "RANGE",
      description = "Only tags that are versions in RANGE.")
  String semver;

  @Option(
      names = "--filter-regex",
      paramLabel = "RE",
      description = "Only tags matching the regular expression.")
  String regex;

  @Mixin RegistryOptions registry;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description = "Output format: text or json.")
  OutputFormat output;

  @Override
  public Integer call() throws Exception {
    List<ListedArtifact> listed =
        registry.artifacts(spec.commandLine().getErr()).list(url, semver, regex);
    PrintWriter out = spec.commandLine().getOut();
    if (output == OutputFormat.json) {
      out.println(
          Json.write(
              listed.stream()
                  .map(
                      a -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("url", a.url());
                        m.put("repository", a.repository());
                        m.put("tag", a.tag());
                        m.put("digest", a.digest());
                        m.put("source", a.source());
                        m.put("revision", a.revision());
                        m.put("created", a.created());
                        return m;
                      })
                  .toList()));
    } else {
      out.println(String.join("\t", "ARTIFACT", "DIGEST", "SOURCE", "REVISION"));
      for (ListedArtifact a : listed) {
        out.println(String.join("\t", a.url(), a.digest(), a.source(), a.revision()));
      }
    }
    out.flush();
    return 0;
  }
}
