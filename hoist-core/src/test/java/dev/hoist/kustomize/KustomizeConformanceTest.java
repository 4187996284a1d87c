package dev.hoist.kustomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hoist.testing.Processes;
import dev.hoist.testing.RealParts;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Renders every case under src/test/resources/kustomize/ with the embedded engine and with {@code
 * kubectl kustomize} (kustomize v5.5.0) and requires identical bytes; cases named {@code error-*}
 * must fail in both. A case may hold {@code hoist-case.properties} with {@code loadRestrictor=…}.
 *
 * <p>Known, deliberate differences (no case relies on them): error messages differ in wording; the
 * embedded engine refuses remote resources, helmCharts and exec or function plugins with one line
 * suggesting {@code --engine kustomize} (see OutOfScopeTest); {@code buildMetadata:
 * [managedByLabel]} writes kubectl's {@code kustomize-(devel)} (the kustomize binary writes {@code
 * kustomize-v5.5.0}); YAML timestamps other than plain dates ({@code 2001-12-14}) keep their source
 * text, where kustomize would reformat them as RFC 3339. In {@code crds} files: JSON comments and
 * other YAML-only syntax in a file starting with '{' are refused, but a few JSON texts Go's decoder
 * refuses are read (see OpenApiFileTest); an {@code x-kubernetes-identity} field's scalar is
 * prefixed as its value, not its source text ({@code 1.50}, {@code ~}). Empty nulls ({@code key:},
 * which a strategic merge patch drops and a flow collection prints as {@code ""}) are tracked for
 * mapping values only: an empty list item is an ordinary null (kyaml would also drop one from a
 * list a patch merges as a set), and flow style is known for mappings, not lists (a block mapping a
 * patch puts into a flow list prints its empty nulls as null, kubectl as {@code ""}). A JSON 6902
 * patch written as YAML must be valid YAML in every document (kustomize reads only the first).
 */
class KustomizeConformanceTest {
  static final Path CASES = RealParts.repoRoot().resolve("hoist-core/src/test/resources/kustomize");

  @TestFactory
  Stream<DynamicTest> everyCaseMatchesKubectlKustomize() throws IOException {
    List<Path> cases;
    try (Stream<Path> s = Files.list(CASES)) {
      cases = s.filter(Files::isDirectory).sorted().toList();
    }
    return cases.stream()
        .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  private static void check(Path dir) throws Exception {
    Path kubectl = RealParts.tool("kubectl");
    LoadRestrictor restrictor = restrictor(dir);
    Processes.Result reference =
        Processes.run(
            dir,
            List.of(
                kubectl.toString(),
                "kustomize",
                "--load-restrictor=" + restrictor.name(),
                dir.toString()),
            60);
    if (dir.getFileName().toString().startsWith("error-")) {
      assertNotEquals(0, reference.exitCode(), "kubectl kustomize should fail for this case");
      RenderException e =
          assertThrows(RenderException.class, () -> Renderer.render(dir, restrictor));
      assertEquals(-1, e.getMessage().indexOf('\n'), "one-line error: " + e.getMessage());
      return;
    }
    assertEquals(0, reference.exitCode(), () -> "kubectl kustomize failed: " + reference.stderr());
    assertEquals(reference.stdout(), Renderer.render(dir, restrictor));
  }

  private static LoadRestrictor restrictor(Path dir) throws IOException {
    Path props = dir.resolve("hoist-case.properties");
    if (!Files.exists(props)) {
      return LoadRestrictor.LoadRestrictionsRootOnly;
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(props)) {
      p.load(r);
    }
    return LoadRestrictor.valueOf(p.getProperty("loadRestrictor", "LoadRestrictionsRootOnly"));
  }
}
