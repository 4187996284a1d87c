package dev.hoist.release;

import dev.hoist.cli.Main;
import dev.hoist.testing.ShopTree;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.URIish;

/**
 * A small project written by tests (kustomize-style: the whole tree is in the test), committed with
 * a fixed time and remote, so that everything hoist derives from it is byte-stable.
 */
final class ShopProject {
  static final Instant WHEN = Instant.parse("2026-05-04T03:02:01Z");

  private ShopProject() {}

  /** Writes the project into {@code dir}, commits it with a fixed time and tags it v1.2.3. */
  static void write(Path dir) throws Exception {
    ShopTree.write(dir, "ghcr.io/acme");
    write(
        dir,
        "overlays/prod/kustomization.yaml",
        """
        resources:
          - ../../base
        images:
          - name: api  # pinned by hoist
            newTag: latest
        """);
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      git.remoteAdd()
          .setName("origin")
          .setUri(new URIish("https://github.com/acme/shop.git"))
          .call();
      git.add().addFilepattern(".").call();
      PersonIdent who = new PersonIdent("ci", "ci@acme.example", WHEN, ZoneOffset.ofHours(-7));
      git.commit().setMessage("shop").setAuthor(who).setCommitter(who).setSign(false).call();
      git.tag().setName("v1.2.3").setAnnotated(false).call();
    }
  }

  static void write(Path dir, String path, String content) throws Exception {
    ShopTree.write(dir, path, content);
  }

  /** A jar whose bytes depend on nothing but this code. */
  static void writeJar(Path jar) throws Exception {
    ShopTree.writeJar(jar);
  }

  record Run(int code, String out, String err) {}

  /** Runs hoist in-process with {@code --config=<dir>/hoist.yaml} after the command name. */
  static Run hoist(Path dir, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 1];
    all[0] = args[0];
    all[1] = "--config=" + dir.resolve("hoist.yaml");
    System.arraycopy(args, 1, all, 2, args.length - 1);
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), all);
    return new Run(code, out.toString(), err.toString());
  }
}
