package dev.hoist.release;

import dev.hoist.testing.ShopTree;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;

/** A one-app project with one overlay, committed and tagged v1.2.3 (what a release needs). */
final class TinyProject {
  private TinyProject() {}

  /** Writes the project into {@code dir}; {@code extra}, when not empty, joins the overlay. */
  static void write(Path dir, String extra) throws Exception {
    ShopTree.write(dir, "registry.test/acme");
    String resources = "resources:\n  - ../../base\n";
    if (!extra.isEmpty()) {
      ShopTree.write(dir, "overlays/prod/extra.yaml", extra);
      resources += "  - extra.yaml\n";
    }
    ShopTree.write(dir, "overlays/prod/kustomization.yaml", resources);
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("shop").setSign(false).call();
      git.tag().setName("v1.2.3").setAnnotated(false).call();
    }
  }
}
