package dev.hoist.kustomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the embedded engine refuses: one line naming the field and suggesting the kustomize binary.
 */
class OutOfScopeTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {"helmCharts: [{name: x}]", "helmGlobals: {chartHome: c}", "validators: [v.yaml]"})
  void refusesFieldsOutsideItsScope(String field) throws Exception {
    Files.writeString(dir.resolve("kustomization.yaml"), "resources: []\n" + field + "\n");
    String name = field.substring(0, field.indexOf(':'));
    RenderException e =
        assertThrows(
            RenderException.class,
            () -> Renderer.render(dir, LoadRestrictor.LoadRestrictionsRootOnly));
    assertEquals(
        dir.toRealPath().resolve("kustomization.yaml")
            + ": field "
            + name
            + " is not supported by the embedded engine; use --engine kustomize",
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "transformers|apiVersion: example.com/v1\nkind: Fn\nmetadata:\n  name: f\n"
            + "  annotations:\n    config.kubernetes.io/function: '{exec: {path: ./fn}}'\n",
        "generators|apiVersion: builtin\nkind: HelmChartInflationGenerator\nmetadata: {name: i}\n",
        "generators|apiVersion: example.com/v1\nkind: Gen\nmetadata: {name: g}\n"
      })
  void refusesPluginConfigsOutsideItsScope(String fieldAndConfig) throws Exception {
    String field = fieldAndConfig.substring(0, fieldAndConfig.indexOf('|'));
    String config = fieldAndConfig.substring(field.length() + 1);
    Files.writeString(
        dir.resolve("kustomization.yaml"), "resources: []\n" + field + ": [t.yaml]\n");
    Files.writeString(dir.resolve("t.yaml"), config);
    RenderException e =
        assertThrows(
            RenderException.class,
            () -> Renderer.render(dir, LoadRestrictor.LoadRestrictionsRootOnly));
    assertTrue(e.unsupported(), e.getMessage());
    assertTrue(
        e.getMessage()
            .startsWith(dir.toRealPath().resolve("kustomization.yaml") + ": " + field + ": "),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("use --engine kustomize"), e.getMessage());
  }
}
