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
      strings = {
        "helmCharts: [{name: x}]",
        "helmGlobals: {chartHome: c}",
        "generators: [g.yaml]",
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

  @ParameterizedTest
  @ValueSource(
      strings = {
        "apiVersion: builtin\nkind: NamespaceTransformer\nmetadata: {name: n, namespace: x}\n",
        "apiVersion: example.com/v1\nkind: Fn\nmetadata:\n  name: f\n  annotations:\n"
            + "    config.kubernetes.io/function: '{exec: {path: ./fn}}'\n"
      })
  void refusesTransformerConfigsOutsideItsScope(String config) throws Exception {
    Files.writeString(dir.resolve("kustomization.yaml"), "resources: []\ntransformers: [t.yaml]\n");
    Files.writeString(dir.resolve("t.yaml"), config);
    RenderException e =
        assertThrows(
            RenderException.class,
            () -> Renderer.render(dir, LoadRestrictor.LoadRestrictionsRootOnly));
    assertTrue(e.unsupported(), e.getMessage());
    assertTrue(
        e.getMessage()
            .startsWith(dir.toRealPath().resolve("kustomization.yaml") + ": transformers: "),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("use --engine kustomize"), e.getMessage());
  }
}
