package dev.hoist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.testing.RealParts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int hoist(String... args) {
    return Main.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  private static Path overlay(Path dir, String kustomization) throws Exception {
    Files.writeString(dir.resolve("kustomization.yaml"), kustomization);
    Files.writeString(
        dir.resolve("cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  k: v\n");
    return dir;
  }

  @Test
  void printsTheRenderedStreamOrWritesTheFile(@TempDir Path dir) throws Exception {
    overlay(dir, "resources: [cm.yaml]\nnamespace: prod\n");
    assertEquals(0, hoist("render", dir.toString()));
    String expected =
        "apiVersion: v1\ndata:\n  k: v\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: prod\n";
    assertEquals(expected, out.toString());
    Path file = dir.resolve("out.yaml");
    assertEquals(0, hoist("render", dir.toString(), "-o", file.toString()));
    assertEquals(expected, Files.readString(file));
  }

  @Test
  void outOfScopeFieldsFailWithOneLineSuggestingTheBinary(@TempDir Path dir) throws Exception {
    overlay(dir, "resources: [cm.yaml]\nhelmCharts:\n- name: x\n");
    assertEquals(1, hoist("render", "--engine", "embedded", dir.toString()));
    assertTrue(
        err.toString()
            .matches(
                "hoist: error: .*kustomization.yaml: field helmCharts is not supported by the "
                    + "embedded engine; use --engine kustomize\\R"),
        err.toString());
  }

  @Test
  void hostileYamlIsOneLineNeverAStackTrace(@TempDir Path dir) throws Exception {
    StringBuilder laughs =
        new StringBuilder(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      char p = (char) (c - 1);
      laughs.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        laughs.append(i == 0 ? "" : ",").append('*').append(p);
      }
      laughs.append("]\n");
    }
    String deep = "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    String duplicate = "apiVersion: v1\nkind: ConfigMap\nkind: Secret\nmetadata: {name: c}\n";
    Map<String, String> refusals =
        Map.of(
            laughs.toString(),
            "expands to more than",
            deep,
            "nesting deeper than",
            duplicate,
            "line 3: mapping key \"kind\" already defined at line 2");
    for (Map.Entry<String, String> refusal : refusals.entrySet()) {
      String hostile = refusal.getKey();
      Files.writeString(dir.resolve("kustomization.yaml"), "resources: [bad.yaml]\n");
      Files.writeString(dir.resolve("bad.yaml"), hostile);
      out.getBuffer().setLength(0);
      err.getBuffer().setLength(0);
      assertEquals(1, hoist("render", dir.toString()), err.toString());
      assertTrue(err.toString().startsWith("hoist: error: "), err.toString());
      assertEquals(1, err.toString().lines().count(), err.toString());
      assertTrue(!err.toString().contains("at java."), err.toString());
      assertTrue(err.toString().contains("bad.yaml"), err.toString());
      assertTrue(err.toString().contains(refusal.getValue()), err.toString());
    }
  }

  @Test
  void whatTheEmbeddedEngineCannotRenderGoesToTheBinaryOnPathAndSaysSo(@TempDir Path dir)
      throws Exception {
    Path kubectl = RealParts.tool("kubectl");
    // plugin configs from a kustomization directory, with origin annotations: kustomize renders
    // them, the embedded engine does not
    overlay(dir, "resources: [cm.yaml]\ntransformers: [t]\nbuildMetadata: [originAnnotations]\n");
    Files.createDirectories(dir.resolve("t"));
    Files.writeString(dir.resolve("t/kustomization.yaml"), "resources: [l.yaml]\n");
    Files.writeString(
        dir.resolve("t/l.yaml"),
        "apiVersion: builtin\nkind: LabelTransformer\nmetadata: {name: l}\nlabels: {team: a}\n"
            + "fieldSpecs: [{path: metadata/labels, create: true}]\n");
    assertEquals(1, hoist("render", "--engine", "embedded", dir.toString()));
    assertTrue(err.toString().contains("is not supported by the embedded engine"), err.toString());
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    assertEquals(0, hoist("render", dir.toString()), err.toString());
    String expected =
        dev.hoist.testing.Processes.run(
                dir, java.util.List.of(kubectl.toString(), "kustomize", dir.toString()), 60)
            .requireSuccess()
            .stdout();
    assertEquals(expected, out.toString());
    assertTrue(err.toString().contains("; rendering with "), err.toString());
    assertTrue(err.toString().lines().count() == 1, err.toString());
  }

  @Test
  void usageErrors(@TempDir Path dir) {
    assertEquals(2, hoist("render"));
    assertEquals(2, hoist("render", dir.toString(), "--all"));
    assertEquals(2, hoist("render", "--engine", "helm", dir.toString()));
  }

  @Test
  void kubectlEngineGivesTheSameBytes(@TempDir Path dir) throws Exception {
    RealParts.tool("kubectl");
    overlay(dir, "resources: [cm.yaml]\nnamePrefix: p-\n");
    assertEquals(0, hoist("render", "--engine", "kubectl", dir.toString()));
    String viaKubectl = out.toString();
    out.getBuffer().setLength(0);
    assertEquals(0, hoist("render", dir.toString()));
    assertEquals(viaKubectl, out.toString());
  }
}
