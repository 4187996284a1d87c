package dev.hoist.kustomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
      strings = {
        "helmCharts: [{name: x}]",
        "helmGlobals: {chartHome: c}",
        "generators: [g.yaml]",
        "transformers: [t.yaml]",
        "validators: [v.yaml]",
        "openapi: {path: o.json}"
      })
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
}
