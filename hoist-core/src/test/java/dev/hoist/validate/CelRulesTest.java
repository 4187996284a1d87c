package dev.hoist.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hoist.testing.RealParts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The CEL rules of Flux's CRDs refuse what the API server would refuse: a HelmRelease with both
 * chart and chartRef (or neither), a strategy option its strategy does not take.
 */
class CelRulesTest {
  private static final CrdSchemas FLUX = Validation.schemas(RealParts.shared("flux-crds"), null);

  private static List<String> problems(String spec) {
    String release =
        """
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata: {name: web, namespace: flux-system}
        spec:
          interval: 5m
        """
            + spec;
    return Validation.runTexts(Map.of("release.yaml", release), FLUX).problems().stream()
        .map(p -> p.line() + " " + p.path() + ": " + p.message())
        .toList();
  }

  private static final String CHART =
      "  chart: {spec: {chart: web, sourceRef: {kind: HelmRepository, name: charts}}}\n";
  private static final String CHART_REF = "  chartRef: {kind: OCIRepository, name: web}\n";

  @Test
  void chartOrChartRefButNotBoth() {
    assertEquals(List.of(), problems(CHART));
    assertEquals(List.of(), problems(CHART_REF));
    assertEquals(
        List.of("5 .spec: either chart or chartRef must be set"), problems(CHART + CHART_REF));
    assertEquals(List.of("5 .spec: either chart or chartRef must be set"), problems(""));
  }

  @Test
  void aRuleOnANestedField() {
    String upgrade = "  upgrade:\n    strategy: {name: %s, retryInterval: 1m}\n";
    assertEquals(List.of(), problems(CHART_REF + upgrade.formatted("RetryOnFailure")));
    assertEquals(
        List.of(
            "8 .spec.upgrade.strategy: .retryInterval can only be set when .name is"
                + " 'RetryOnFailure'"),
        problems(CHART_REF + upgrade.formatted("RemediateOnFailure")));
  }
}
