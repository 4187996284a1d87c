package dev.hoist.config;

import dev.hoist.config.FluxConfig.ChartConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads where a Helm chart comes from ({@code units[].chart}) and checks OCIRepository verification
 * options.
 */
final class FluxSourceReader {
  private FluxSourceReader() {}

  static ChartConfig chart(
      Fields f, String registry, List<dev.hoist.config.ChartConfig> projectCharts) {
    String repository = f.string("repository", null);
    String oci = f.string("oci", null);
    String project = f.string("project", null);
    if (project != null) {
      if (repository != null || oci != null) {
        throw f.error("project", "give project, repository or oci, not several");
      }
      return projectChart(f, project, registry, projectCharts);
    }
    if ((repository == null) == (oci == null)) {
      throw f.error(
          "repository",
          "give repository (a Helm repository URL), oci (an OCI chart artifact) or project (a"
              + " chart under charts:)");
    }
    if (repository != null) {
      if (!repository.startsWith("https://")
          && !repository.startsWith("http://")
          && !repository.startsWith("oci://")) {
        throw f.error(
            "repository", "'" + repository + "' must start with https://, http:// or oci://");
      }
      String chart = f.required("name");
      String version = f.string("version", null);
      String strategy = f.string("reconcileStrategy", "ChartVersion");
      if (!strategy.equals("ChartVersion") && !strategy.equals("Revision")) {
        throw f.error(
            "reconcileStrategy", "'" + strategy + "' is not one of ChartVersion, Revision");
      }
      Map<String, Object> source = new LinkedHashMap<>();
      String secretName = f.string("secretRef", null);
      if (secretName != null) {
        source.put("secretRef", Map.of("name", secretName));
      }
      String provider = f.string("provider", null);
      if (provider != null) {
        if (!repository.startsWith("oci://")
            || !List.of("generic", "aws", "azure", "gcp").contains(provider)) {
          throw f.error(
              "provider",
              "'" + provider + "' needs an oci:// repository and one of generic, aws, azure, gcp");
        }
        source.put("provider", provider);
      }
      f.finish();
      return new ChartConfig(repository, chart, version, strategy, null, null, source, null);
    }
    if (!oci.startsWith("oci://")) {
      throw f.error("oci", "'" + oci + "' must start with oci://");
    }
    RefPolicy ref = ConfigLoader.ref(f);
    Fields source = f.child("source");
    Map<String, Object> options = source == null ? Map.of() : FluxShapes.OCI_SOURCE.read(source);
    checkVerify(source, options);
    if (options.containsKey("layerSelector")) {
      throw source.error(
          "layerSelector", "set by hoist for a chart (the Helm chart layer, copied)");
    }
    f.finish();
    return new ChartConfig(null, null, null, null, oci, ref, options, null);
  }

  /**
   * One of the project's own charts, as Flux reads it from where {@code hoist chart push} publishes
   * it: {@code oci://<registry>/<repository>/<name>}, the versions {@code version} (a semver range)
   * allows.
   */
  private static ChartConfig projectChart(
      Fields f, String name, String registry, List<dev.hoist.config.ChartConfig> charts) {
    dev.hoist.config.ChartConfig chart =
        charts.stream()
            .filter(c -> c.name().equals(name))
            .findFirst()
            .orElseThrow(
                () ->
                    f.error(
                        "project",
                        "unknown chart '"
                            + name
                            + "' (the project's charts: "
                            + charts.stream().map(dev.hoist.config.ChartConfig::name).toList()
                            + ")"));
    String version = f.required("version");
    try {
      dev.hoist.git.SemverRange.parse(version);
    } catch (IllegalArgumentException e) {
      throw f.error("version", e.getMessage());
    }
    Fields source = f.child("source");
    Map<String, Object> options = source == null ? Map.of() : FluxShapes.OCI_SOURCE.read(source);
    checkVerify(source, options);
    if (options.containsKey("layerSelector")) {
      throw source.error(
          "layerSelector", "set by hoist for a chart (the Helm chart layer, copied)");
    }
    f.finish();
    String oci = "oci://" + registry + "/" + chart.repository() + "/" + chart.name();
    return new ChartConfig(
        null, null, null, null, oci, new RefPolicy.Semver(version, null), options, name);
  }

  /**
   * cosign keyless identities are regular expressions Flux matches unanchored: hoist wants them
   * anchored.
   */
  static void checkVerify(Fields source, Map<String, Object> options) {
    if (!(options.get("verify") instanceof Map<?, ?> verify)) {
      return;
    }
    Object identities = verify.get("matchOIDCIdentity");
    if (verify.get("secretRef") == null && identities == null) {
      throw source.error("verify", "give secretRef (a public key) or matchOIDCIdentity (keyless)");
    }
    if (identities instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        Map<?, ?> identity = (Map<?, ?>) list.get(i);
        for (String key : List.of("issuer", "subject")) {
          String regex = (String) identity.get(key);
          String field = source.path("verify.matchOIDCIdentity[" + i + "]." + key);
          String where =
              source.file() + ":" + source.lines().getOrDefault(field, 0) + ": " + field + ": ";
          if (!regex.startsWith("^") || !regex.endsWith("$")) {
            throw new ConfigException(where + "'" + regex + "' must be anchored as ^…$");
          }
          try {
            java.util.regex.Pattern.compile(regex);
          } catch (java.util.regex.PatternSyntaxException e) {
            throw new ConfigException(where + "not a regular expression: " + e.getDescription());
          }
        }
      }
    }
  }
}
