package dev.hoist.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.cli.Main;
import dev.hoist.testing.RealParts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Third-party images the overlays use by tag are pinned to their digests at release time (issue
 * 10.10), resolved against a real registry: in production overlays by default, never with {@code
 * --offline} (refused, naming them), and an unknown tag stops the release before anything is
 * pushed. (The dev overlay keeps an untagged third-party image on purpose: those releases pass
 * {@code --no-lint}, which lint's own tests cover.)
 */
class ReleasePinsIT {
  private static final Pattern DIGEST = Pattern.compile("\"digest\" ?: ?\"(sha256:[0-9a-f]{64})\"");
  @TempDir Path dir;

  private static ShopProject.Run main(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new ShopProject.Run(code, out.toString(), err.toString());
  }

  /** Pushes a small artifact as {@code image}: what matters is the digest its tag names. */
  private String push(String image) throws Exception {
    Path tree = Files.createDirectories(dir.resolve("third/" + System.nanoTime()));
    Files.writeString(tree.resolve("x.yaml"), "a: " + image + "\n");
    ShopProject.Run run =
        main(
            "artifact",
            "push",
            "oci://" + image,
            "--path",
            tree.toString(),
            "--source",
            "https://example.com/third.git",
            "--revision",
            "1.0.0@sha1:0000000000000000000000000000000000000001",
            "--insecure",
            "-o",
            "json");
    assertEquals(0, run.code(), run.err());
    Matcher m = DIGEST.matcher(run.out());
    assertTrue(m.find(), run.out());
    return m.group(1);
  }

  private void commit(String path, String content) throws Exception {
    ShopProject.write(dir.resolve("p"), path, content);
    try (Git git = Git.open(dir.resolve("p").toFile())) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("change").setSign(false).call();
      git.tag().setName("v1.2.3").setAnnotated(false).setForceUpdate(true).call();
    }
  }

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
      spec:
        template:
          spec:
            containers:
              - name: api
                image: api
              - name: db
                image: IMAGE
            initContainers:
              - name: wait
                image: INIT
      """;

  @Test
  void productionOverlaysGetThirdPartyImagesPinnedOthersAreLeftAlone() throws Exception {
    String registry = RealParts.registry();
    String ns = registry + "/pins" + System.nanoTime();
    String neo4j = ns + "/neo4j:5";
    String busybox = ns + "/busybox"; // no tag: latest
    String neo4jDigest = push(neo4j);
    String busyboxDigest = push(busybox + ":latest");
    Path project = dir.resolve("p");
    ShopProject.write(project);
    commit("base/deployment.yaml", DEPLOYMENT.replace("IMAGE", neo4j).replace("INIT", busybox));
    commit(
        "overlays/dev/kustomization.yaml",
        "resources:\n  - ../../base\nimages:\n  - name: api\n    newTag: latest\n");
    commit(
        "hoist.yaml",
        Files.readString(project.resolve("hoist.yaml"))
            .replace("overlays: [prod]", "overlays: [prod, dev]"));

    ShopProject.Run offline =
        ShopProject.hoist(
            project, "release", "--oci-layout", dir.resolve("out").toString(), "--offline");
    assertEquals(1, offline.code(), offline.err());
    assertTrue(
        offline.err().contains("--offline: overlay prod uses third-party images by tag")
            && offline.err().contains(neo4j + ", " + busybox),
        offline.err());

    ShopProject.Run run =
        ShopProject.hoist(project, "release", "--registry", ns, "--insecure", "--no-lint");
    assertEquals(0, run.code(), run.err());
    String neo4jName = neo4j.substring(0, neo4j.lastIndexOf(':'));
    assertTrue(
        run.err().contains("pins: overlay prod: " + neo4j + " -> " + neo4jName + "@" + neo4jDigest),
        run.err());
    assertTrue(
        run.err()
            .contains("pins: overlay prod: " + busybox + " -> " + busybox + "@" + busyboxDigest),
        run.err());
    assertFalse(run.err().contains("pins: overlay dev"), run.err());

    // what the artifact holds: prod pinned, dev (not a production overlay) as written
    Path pulled = dir.resolve("pulled");
    ShopProject.Run pull =
        main(
            "artifact",
            "pull",
            "oci://" + ns + "/manifests/shop:1.2.3",
            "--output",
            pulled.toString(),
            "--insecure");
    assertEquals(0, pull.code(), pull.err());
    String prod = Files.readString(pulled.resolve("overlays/prod/kustomization.yaml"));
    assertTrue(prod.contains("- name: " + neo4jName + "\n    digest: " + neo4jDigest), prod);
    assertTrue(prod.contains("- name: " + busybox + "\n    digest: " + busyboxDigest), prod);
    String dev = Files.readString(pulled.resolve("overlays/dev/kustomization.yaml"));
    assertFalse(dev.contains(neo4jName), dev);

    // an unknown tag stops the release before anything is pushed
    commit(
        "base/deployment.yaml",
        DEPLOYMENT.replace("IMAGE", ns + "/neo4j:6").replace("INIT", busybox));
    ShopProject.Run unknown =
        ShopProject.hoist(
            project, "release", "--registry", ns + "-other", "--insecure", "--no-lint");
    assertEquals(6, unknown.code(), unknown.err());
    assertTrue(unknown.err().contains("tag 6 not found"), unknown.err());

    // images: {pinThirdParty: false} leaves them as written
    commit(
        "hoist.yaml",
        Files.readString(project.resolve("hoist.yaml")) + "images: {pinThirdParty: false}\n");
    ShopProject.Run off =
        ShopProject.hoist(
            project,
            "release",
            "--oci-layout",
            dir.resolve("out2").toString(),
            "--offline",
            "--no-lint");
    assertEquals(0, off.code(), off.err());
    assertFalse(off.err().contains("pins:"), off.err());
  }
}
