package dev.hoist.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.hoist.run.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: one line naming file, line and field; a distinct exit code; nothing written. */
class ReleaseInputsTest {
  @TempDir Path dir;
  private int release = 4;

  /** Rewrites a project file and commits it (so the tree is clean and tagged again). */
  private void change(String path, String content) throws Exception {
    ShopProject.write(dir, path, content);
    try (Git git = Git.open(dir.toFile())) {
      git.add().addFilepattern(".").call();
      git.rm().addFilepattern(path).setCached(true).call();
      git.add().addFilepattern(path).call();
      git.commit().setMessage("change").setSign(false).call();
      git.tag().setName("v1.2." + release++).setAnnotated(false).call();
    }
  }

  private void assertRefused(ExitCode code, String message, String... args) {
    String[] all = args.length == 0 ? new String[] {"release"} : args;
    ShopProject.Run run = ShopProject.hoist(dir, all);
    assertEquals(code.code(), run.code(), run.err());
    assertEquals(
        "hoist: error: " + message + "\n",
        run.err().lines().filter(l -> l.startsWith("hoist: error: ")).findFirst().orElse(run.err())
            + "\n");
    assertEquals("", run.out());
    assertFalse(Files.exists(dir.resolve("flux")), "flux/ written");
    assertFalse(Files.exists(dir.resolve("manifests")), "manifests/ written");
    assertFalse(Files.exists(dir.resolve("target/hoist/oci")), "layout written");
  }

  @Test
  void missingDescriptor() throws Exception {
    ShopProject.write(dir);
    java.io.StringWriter err = new java.io.StringWriter();
    int code =
        dev.hoist.cli.Main.run(
            new java.io.PrintWriter(new java.io.StringWriter()),
            new java.io.PrintWriter(err),
            "release",
            "--config=" + dir.resolve("nope.yaml"));
    assertEquals(ExitCode.CONFIG.code(), code);
    assertEquals(
        "hoist: error: "
            + dir.resolve("nope.yaml")
            + ": not found (run hoist in the project root or pass --config)\n",
        err.toString());
  }

  @Test
  void invalidYamlAndUnknownKey() throws Exception {
    ShopProject.write(dir);
    String yaml = Files.readString(dir.resolve("hoist.yaml"));
    change("hoist.yaml", yaml.replace("    ports: [8080]", "    ports: [8080]\n    prots: [80]"));
    assertRefused(
        ExitCode.CONFIG,
        "hoist.yaml:9: apps[0].prots: unknown key 'prots' (allowed: name, image, jar, "
            + "classpath, mainClass, jvmFlags, entrypoint, base, ports, env, workingDir, user, kind, layers, cmd, "
            + "labels)");
    change("hoist.yaml", yaml.replace("registry: ghcr.io/acme", "registry: [ghcr.io"));
    assertRefused(ExitCode.CONFIG, "hoist.yaml:3: invalid YAML: expected ',' or ']', but got :");
  }

  @Test
  void jarNotFound() throws Exception {
    ShopProject.write(dir);
    Files.delete(dir.resolve("target/api.jar"));
    assertRefused(
        ExitCode.CONFIG,
        "hoist.yaml:6: apps[0].jar: file not found: target/api.jar (build it first: mvn package)");
  }

  @Test
  void overlayWithoutKustomization() throws Exception {
    ShopProject.write(dir);
    try (Git git = Git.open(dir.toFile())) {
      git.rm().addFilepattern("overlays/prod/kustomization.yaml").call();
      ShopProject.write(dir, "overlays/prod/README.md", "not an overlay\n");
      git.add().addFilepattern("overlays").call();
      git.commit().setMessage("break overlay").setSign(false).call();
      git.tag().setName("v1.2.4").setAnnotated(false).call();
    }
    assertRefused(
        ExitCode.CONFIG, "hoist.yaml:9: overlays[0]: no kustomization.yaml in overlays/prod");
  }

  @Test
  void badBaseImageAndCredentials() throws Exception {
    ShopProject.write(dir);
    String yaml = Files.readString(dir.resolve("hoist.yaml"));
    change(
        "hoist.yaml",
        yaml.replace("    ports: [8080]", "    ports: [8080]\n    base: 'Not An Image'"));
    assertRefused(
        ExitCode.CONFIG, "hoist.yaml:9: apps[0].base: invalid base image reference: Not An Image");
  }

  @Test
  void untaggedAndDirty() throws Exception {
    ShopProject.write(dir);
    try (Git git = Git.open(dir.toFile())) {
      git.tagDelete().setTags("v1.2.3").call();
    }
    ShopProject.Run untagged = ShopProject.hoist(dir, "release");
    assertEquals(ExitCode.UNTAGGED.code(), untagged.code());
    try (Git git = Git.open(dir.toFile())) {
      git.tag().setName("v1.2.3").setAnnotated(false).call();
    }
    ShopProject.write(dir, "base/extra.yaml", "x: 1\n");
    assertRefused(
        ExitCode.DIRTY,
        "the working tree is not clean (1 path(s), first: base/extra.yaml): commit or "
            + "stash before releasing, or use --snapshot");
  }
}
