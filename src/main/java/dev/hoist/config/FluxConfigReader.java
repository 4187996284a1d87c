package dev.hoist.config;

import dev.hoist.config.FluxConfig.ChartConfig;
import dev.hoist.config.FluxConfig.ClusterFluxConfig;
import dev.hoist.config.FluxConfig.UnitConfig;
import dev.hoist.yaml.YamlNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads hoist.yaml's {@code units:} and {@code fluxSource:}, and the Flux options of each cluster. */
final class FluxConfigReader {
  private FluxConfigReader() {}

  /** The keys of one {@code clusters[]} entry beyond the app's own. */
  static ClusterFluxConfig cluster(Fields f) {
    Fields source = f.child("source");
    Map<String, Object> sourceOptions = source == null ? Map.of() : FluxShapes.OCI_SOURCE.read(source);
    checkVerify(source, sourceOptions);
    Fields kustomization = f.child("kustomization");
    Map<String, Object> kOptions = kustomization == null ? Map.of() : FluxShapes.KUSTOMIZATION.read(kustomization);
    if (kOptions.containsKey("wait") && kOptions.containsKey("healthChecks")) {
      throw kustomization.error("healthChecks", "give wait or healthChecks, not both");
    }
    return new ClusterFluxConfig(sourceOptions, kOptions, names(f, "dependsOn"), names(f, "units"));
  }

  static FluxConfig read(Fields doc, String project, List<ClusterConfig> clusters,
      Map<String, ClusterFluxConfig> clusterFlux) {
    FluxConfig defaults = FluxConfig.empty();
    String kind = defaults.sourceKind();
    String name = defaults.sourceName();
    String path = defaults.path();
    Fields fluxSource = doc.child("fluxSource");
    if (fluxSource != null) {
      kind = fluxSource.string("kind", kind);
      if (!kind.equals("GitRepository") && !kind.equals("OCIRepository") && !kind.equals("Bucket")) {
        throw fluxSource.error("kind", "'" + kind + "' is not one of GitRepository, OCIRepository, Bucket");
      }
      name = fluxSource.dnsLabel("name", name);
      path = fluxSource.string("path", path);
      fluxSource.finish();
    }
    List<UnitConfig> units = new ArrayList<>();
    List<YamlNode> nodes = doc.list("units");
    for (int i = 0; i < nodes.size(); i++) {
      Fields f = new Fields(doc.file(), "units[" + i + "]", nodes.get(i), doc.lines());
      UnitConfig unit = unit(f);
      if (unit.name().equals(project) || units.stream().anyMatch(u -> u.name().equals(unit.name()))) {
        throw f.error("name", "duplicate unit '" + unit.name() + "' (the project's app is '" + project + "')");
      }
      units.add(unit);
    }
    FluxConfig flux = new FluxConfig(units, clusterFlux, kind, name, path);
    UnitGraph.check(doc, project, clusters, flux);
    return flux;
  }

  private static UnitConfig unit(Fields f) {
    String name = f.dnsLabel("name", null);
    if (name == null) {
      throw f.error("name", "required");
    }
    String namespace = f.dnsLabel("namespace", ConfigLoader.DEFAULT_NAMESPACE);
    Duration interval = ConfigLoader.duration(f, "interval", null);
    List<String> dependsOn = names(f, "dependsOn");
    String valuesFor = f.dnsLabel("valuesFor", null);
    Fields chartFields = f.child("chart");
    if ((valuesFor == null) == (chartFields == null)) {
      throw f.error("chart", "give chart (a Helm release) or valuesFor (a later phase of one)");
    }
    if (valuesFor != null) {
      YamlNode values = f.node("values");
      if (!(values instanceof YamlNode.Mapping)) {
        throw f.error("values", "a phase needs values (a mapping)");
      }
      Map<String, Object> release = new LinkedHashMap<>();
      release.put("values", Shape.raw(f, values, f.path("values")));
      f.finish();
      return new UnitConfig(name, namespace, interval, dependsOn, null, valuesFor, release);
    }
    ChartConfig chart = chart(chartFields);
    // the HelmRelease keys are read from the unit itself, next to name and chart
    Map<String, Object> release = FluxShapes.HELM_RELEASE.read(f);
    return new UnitConfig(name, namespace, interval, dependsOn, chart, null, release);
  }

  private static ChartConfig chart(Fields f) {
    String repository = f.string("repository", null);
    String oci = f.string("oci", null);
    if ((repository == null) == (oci == null)) {
      throw f.error("repository", "give repository (a Helm repository URL) or oci (an OCI chart artifact)");
    }
    if (repository != null) {
      if (!repository.startsWith("https://") && !repository.startsWith("http://")
          && !repository.startsWith("oci://")) {
        throw f.error("repository", "'" + repository + "' must start with https://, http:// or oci://");
      }
      String chart = f.required("name");
      String version = f.string("version", null);
      String strategy = f.string("reconcileStrategy", "ChartVersion");
      if (!strategy.equals("ChartVersion") && !strategy.equals("Revision")) {
        throw f.error("reconcileStrategy", "'" + strategy + "' is not one of ChartVersion, Revision");
      }
      Map<String, Object> source = new LinkedHashMap<>();
      String secretName = f.string("secretRef", null);
      if (secretName != null) {
        source.put("secretRef", Map.of("name", secretName));
      }
      String provider = f.string("provider", null);
      if (provider != null) {
        if (!repository.startsWith("oci://") || !List.of("generic", "aws", "azure", "gcp").contains(provider)) {
          throw f.error("provider", "'" + provider + "' needs an oci:// repository and one of generic, aws, azure, gcp");
        }
        source.put("provider", provider);
      }
      f.finish();
      return new ChartConfig(repository, chart, version, strategy, null, null, source);
    }
    if (!oci.startsWith("oci://")) {
      throw f.error("oci", "'" + oci + "' must start with oci://");
    }
    RefPolicy ref = ConfigLoader.ref(f);
    Fields source = f.child("source");
    Map<String, Object> options = source == null ? Map.of() : FluxShapes.OCI_SOURCE.read(source);
    checkVerify(source, options);
    if (options.containsKey("layerSelector")) {
      throw source.error("layerSelector", "set by hoist for a chart (the Helm chart layer, copied)");
    }
    f.finish();
    return new ChartConfig(null, null, null, null, oci, ref, options);
  }

  /** cosign keyless identities are regular expressions Flux matches unanchored: hoist wants them anchored. */
  private static void checkVerify(Fields source, Map<String, Object> options) {
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
          if (!regex.startsWith("^") || !regex.endsWith("$")) {
            throw new ConfigException(source.file() + ":" + source.lines().getOrDefault(
                source.path("verify.matchOIDCIdentity[" + i + "]." + key), 0) + ": " + source.path(
                "verify.matchOIDCIdentity[" + i + "]." + key) + ": '" + regex + "' must be anchored as ^…$");
          }
          try {
            java.util.regex.Pattern.compile(regex);
          } catch (java.util.regex.PatternSyntaxException e) {
            throw new ConfigException(source.path("verify.matchOIDCIdentity[" + i + "]." + key)
                + ": not a regular expression: " + e.getDescription());
          }
        }
      }
    }
  }

  private static List<String> names(Fields f, String key) {
    List<String> out = f.strings(key);
    for (int i = 0; i < out.size(); i++) {
      if (!Fields.DNS_LABEL.matcher(out.get(i)).matches()) {
        throw f.error(key, "'" + out.get(i) + "' is not a unit name (a DNS-1123 label)");
      }
      if (out.subList(0, i).contains(out.get(i))) {
        throw f.error(key, "'" + out.get(i) + "' listed twice");
      }
    }
    return out;
  }
}
