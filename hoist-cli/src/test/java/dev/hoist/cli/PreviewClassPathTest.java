package dev.hoist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview libraries' class path: read from hoist.jar's manifest, each jar checked; the packaged
 * jar itself is run by PreviewIT.
 */
class PreviewClassPathTest {
  @TempDir Path tmp;

  private Path jar(String classPath) throws Exception {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (classPath != null) {
      manifest.getMainAttributes().putValue(PreviewClassPath.ATTRIBUTE, classPath);
    }
    Path jar = tmp.resolve("hoist.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream ignored = new JarOutputStream(out, manifest)) {
      // the manifest is all
    }
    return jar;
  }

  @Test
  void theJarComesFirstThenEachLibraryItsManifestNames() throws Exception {
    Path jar = jar("lib/preview/a-1.jar,lib/preview/b-2.jar");
    Files.createDirectories(tmp.resolve("lib/preview"));
    Files.writeString(tmp.resolve("lib/preview/a-1.jar"), "");
    Files.writeString(tmp.resolve("lib/preview/b-2.jar"), "");
    assertEquals(
        List.of(
            jar.toUri().toURL(),
            tmp.resolve("lib/preview/a-1.jar").toUri().toURL(),
            tmp.resolve("lib/preview/b-2.jar").toUri().toURL()),
        PreviewClassPath.urls(jar));
  }

  @Test
  void aMissingLibraryIsNamedInOneLine() throws Exception {
    Path jar = jar("lib/preview/a-1.jar");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> PreviewClassPath.urls(jar));
    assertEquals(
        "hoist preview needs "
            + tmp.resolve("lib/preview/a-1.jar")
            + " (the lib/preview directory beside hoist.jar, which mvn package writes)",
        e.getMessage());
  }

  @Test
  void aJarWithoutTheAttributeOrNoJarAtAllIsRefused() throws Exception {
    Path jar = jar(null);
    assertTrue(
        assertThrows(IllegalStateException.class, () -> PreviewClassPath.urls(jar))
            .getMessage()
            .contains("names no preview libraries (no Hoist-Preview-Class-Path in its manifest)"));
    assertTrue(
        assertThrows(IllegalStateException.class, () -> PreviewClassPath.urls(tmp))
            .getMessage()
            .contains("does not run from hoist.jar"));
  }

  @Test
  void onlyPreviewCommandsRunApartAndOnlyWhenTheClientIsNotHere() {
    // the test class path holds fabric8: preview runs in place, as in an embedding build
    assertFalse(PreviewClassPath.apart("preview", "up"));
    assertFalse(PreviewClassPath.apart("render", "overlays/dev"));
    assertFalse(PreviewClassPath.apart());
    StringWriter out = new StringWriter();
    assertEquals(
        0,
        Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "preview", "--help"));
    assertTrue(out.toString().startsWith("Usage: hoist preview"), out.toString());
  }
}
