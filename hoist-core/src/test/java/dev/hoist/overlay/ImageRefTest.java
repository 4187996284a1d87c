package dev.hoist.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageRefTest {
  static final String D = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @Test
  void parsesTagAndDigestTogether() {
    assertEquals(
        new ImageRef("web", "ghcr.io/x/web", "1.2", D),
        ImageRef.parse("web=ghcr.io/x/web:1.2@" + D));
    assertEquals(
        new ImageRef("web", "localhost:5000/web", null, null),
        ImageRef.parse("web=localhost:5000/web"));
    assertEquals(new ImageRef("nginx", null, "1.25", null), ImageRef.parse("nginx:1.25"));
    assertThrows(IllegalArgumentException.class, () -> ImageRef.parse("web=x@sha256:nothex"));
    assertThrows(IllegalArgumentException.class, () -> ImageRef.parse("=x:1"));
  }

  @Test
  void anUpperCaseRepositoryIsRefusedAHostMayHaveCapitals() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ImageRef.parse("web=ghcr.io/Acme/Web:1"));
    org.junit.jupiter.api.Assertions.assertTrue(
        e.getMessage().contains("invalid repository Acme/Web"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ImageRef.parse("MyApp:1"));
    assertThrows(IllegalArgumentException.class, () -> ImageRef.parse("web=ghcr.io/a//b"));
    ImageRef.parse("web=Registry.Example.com:5000/team/web-app__x:1");
    ImageRef.parse("web=localhost/a.b/c-d");
  }

  @Test
  void newNameAloneKeepsTheTag() {
    String before = "images:\n- name: web # app\n  newTag: v1\n";
    assertEquals(
        "images:\n- name: web # app\n  newTag: v1\n  newName: ghcr.io/x/web\n",
        ImageRef.parse("web=ghcr.io/x/web").applyTo(before));
  }

  @Test
  void digestRemovesAStaleTagAndTagRemovesAStaleDigest() {
    String tagged =
        "images:\n  - name: web\n    newName: old/web\n    newTag: v1   # pinned\nresources: [a.yaml]\n";
    assertEquals(
        "images:\n  - name: web\n    newName: old/web\n    digest: "
            + D
            + "\nresources: [a.yaml]\n",
        ImageRef.parse("web=old/web@" + D).applyTo(tagged));
    String digested = "images:\n- name: web\n  digest: " + D + "\n";
    assertEquals(
        "images:\n- name: web\n  newTag: v2\n", ImageRef.parse("web:v2").applyTo(digested));
    assertEquals(
        "images:\n- name: web\n  digest: " + D + "\n  newTag: v2\n",
        ImageRef.parse("web:v2@" + D).applyTo(digested));
  }

  @Test
  void editsTheOverlayFileInPlace(@TempDir Path dir) throws Exception {
    Path k = dir.resolve("kustomization.yaml");
    Files.writeString(k, "# overlay\nresources:\n  - ../base\n");
    assertEquals(true, OverlayImages.setImages(dir, List.of("web=ghcr.io/x/web:1.0", "db@" + D)));
    assertEquals(
        "# overlay\nresources:\n  - ../base\nimages:\n  - name: web\n    newName: ghcr.io/x/web\n"
            + "    newTag: \"1.0\"\n  - name: db\n    digest: "
            + D
            + "\n",
        Files.readString(k));
    assertEquals(false, OverlayImages.setImages(dir, List.of("web=ghcr.io/x/web:1.0")));
  }
}
