package dev.hoist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.testing.RealParts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
    assertEquals(1, hoist("render", dir.toString()));
    assertTrue(
        err.toString()
            .matches(
                "hoist: error: .*kustomization.yaml: field helmCharts is not supported by the "
                    + "embedded engine; use --engine kustomize\\R"),
        err.toString());
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
