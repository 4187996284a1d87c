package dev.hoist.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hoist.config.ConfigException;
import dev.hoist.config.ConfigLoader;
import dev.hoist.config.ProjectConfig;
import dev.hoist.flux.FluxWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A unit that installs the project's own chart ({@code chart: {project, version}}): the chart's OCI
 * URL from hoist.yaml, and the released images pinned into the HelmRelease values.
 */
class ProjectChartUnitTest {
  @TempDir Path dir;

  private static final String DIGEST =
      "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  private ProjectConfig project(String unitChart) throws Exception {
    Files.createDirectories(dir.resolve("deploy/charts/api"));
    Files.writeString(
        dir.resolve("deploy/charts/api/Chart.yaml"), "apiVersion: v2\nname: api\nversion: 0.3.7\n");
    Files.writeString(
        dir.resolve("hoist.yaml"),
        """
        project: shop
        registry: ghcr.io/acme
        apps:
          - name: api
            kind: files
            layers: [{from: deploy, to: /app}]
            cmd: [/app/run]
        charts:
          - path: deploy/charts/api
            images:
              api: {repository: api.image.repository, tag: api.image.tag}
        clusters:
          - name: production
            units: [api-chart]
        units:
          - name: api-chart
            chart: %s
            targetNamespace: shop
            values:
              replicaCount: 2
              api:
                image: {pullPolicy: IfNotPresent}
        """
            .formatted(unitChart));
    return ConfigLoader.load(dir.resolve("hoist.yaml"));
  }

  private static String release(Map<String, String> files) {
    return files.get("flux/clusters/production/api-chart/release.yaml");
  }

  @Test
  void aReleasePinsItsImagesIntoTheValuesAndGenerateKeepsThem() throws Exception {
    ProjectConfig config = project("{project: api, version: \"0.3.x\"}");
    Map<String, String> released =
        FluxPlan.render(
            config,
            "oci://unused",
            List.of(),
            Map.of("api", new ChartImage("ghcr.io/acme/api", "1.2.3@" + DIGEST)));
    assertEquals(
        """
        ---
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: OCIRepository
        metadata:
          name: api-chart
          namespace: flux-system
        spec:
          interval: 1m0s
          layerSelector:
            mediaType: application/vnd.cncf.helm.chart.content.v1.tar+gzip
            operation: copy
          provider: generic
          ref:
            semver: 0.3.x
          url: oci://ghcr.io/acme/charts/api
        ---
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: api-chart
          namespace: flux-system
        spec:
          chartRef:
            kind: OCIRepository
            name: api-chart
          interval: 1m0s
          storageNamespace: shop
          targetNamespace: shop
          values:
            api:
              image:
                pullPolicy: IfNotPresent
                repository: ghcr.io/acme/api
                tag: 1.2.3@%s
            replicaCount: 2
        """
            .formatted(DIGEST),
        release(released));

    // written, then generated again without a release: the pinned values stay
    released.forEach((path, content) -> FluxWriter.write(dir.resolve(path), content));
    assertEquals(released, FluxPlan.render(config, "oci://unused", List.of()));
  }

  @Test
  void beforeAnyReleaseTheChartsOwnImageValuesApply() throws Exception {
    ProjectConfig config = project("{project: api, version: \">=0.3.0 <1.0.0\"}");
    String release = release(FluxPlan.render(config, "oci://unused", List.of()));
    assertEquals(
        """
          values:
            api:
              image:
                pullPolicy: IfNotPresent
            replicaCount: 2
        """,
        release.substring(release.indexOf("  values:")));
  }

  @Test
  void theCheckedValuesAreThePhasesThenTheReleasesOwnThenTheImages() throws Exception {
    project("{project: api, version: 0.3.x}");
    Path file = dir.resolve("hoist.yaml");
    Files.writeString(
        file,
        Files.readString(file).replace("units: [api-chart]", "units: [api-chart, api-search]")
            + """
              - name: api-search
                valuesFor: api-chart
                values: {replicaCount: 5, search: {enabled: true}, api: {image: {pullPolicy: Always}}}
            """);
    ProjectConfig config = ConfigLoader.load(file);
    dev.hoist.config.FluxConfig.UnitConfig unit = config.flux().units().get(0);
    assertEquals(
        Map.of(
            "replicaCount", 2L,
            "search", Map.of("enabled", true),
            "api",
                Map.of(
                    "image",
                    Map.of(
                        "pullPolicy", "IfNotPresent",
                        "repository", "ghcr.io/acme/api",
                        "tag", "1.2.3@" + DIGEST))),
        FluxPlan.helmValues(
            config, unit, Map.of("api", new ChartImage("ghcr.io/acme/api", "1.2.3@" + DIGEST))));
  }

  @Test
  void aProjectChartMustBeUnderChartsWithAVersionRange() {
    assertEquals(
        "hoist.yaml:17: units[0].chart.project: unknown chart 'web' (the project's charts: [api])",
        assertThrows(ConfigException.class, () -> project("{project: web, version: 0.3.x}"))
            .getMessage());
    assertEquals(
        "hoist.yaml:17: units[0].chart.version: required",
        assertThrows(ConfigException.class, () -> project("{project: api}")).getMessage());
    assertEquals(
        "hoist.yaml:17: units[0].chart.project: give project, repository or oci, not several",
        assertThrows(
                ConfigException.class,
                () -> project("{project: api, oci: oci://ghcr.io/x/api, version: 1.x}"))
            .getMessage());
  }
}
