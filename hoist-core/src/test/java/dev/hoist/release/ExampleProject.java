package dev.hoist.release;

import dev.hoist.testing.RealParts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.URIish;

/**
 * A throw-away git repository holding the bundled example (hoist.yaml, base/, overlays/, the
 * example jar), pushed to a bare "origin" so that clones share one remote URL.
 */
final class ExampleProject {
  final Path origin;
  final Path dir;
  private final Path jar;

  private ExampleProject(Path origin, Path dir, Path jar) {
    this.origin = origin;
    this.dir = dir;
    this.jar = jar;
  }

  /**
   * Creates origin.git and a first clone with the example committed, using the example jar mvn
   * built.
   */
  static ExampleProject create(Path parent) throws Exception {
    Path jar = RealParts.repoRoot().resolve("hoist-example/target/hoist-example.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " missing: run mvn package (scripts/test.sh runs verify)");
    }
    return create(parent, jar, null);
  }

  /**
   * Creates origin.git and a clone with the example committed, {@code jar} as the app jar, and,
   * when {@code when} is given, author and committer time fixed to it (for byte-stable results).
   */
  static ExampleProject create(Path parent, Path jar, java.time.Instant when) throws Exception {
    Path root = RealParts.repoRoot();
    Path origin = parent.resolve("origin.git");
    Git.init().setBare(true).setDirectory(origin.toFile()).setInitialBranch("main").call().close();
    Path dir = parent.resolve("work");
    Files.createDirectories(dir);
    copyTree(root.resolve("base"), dir.resolve("base"));
    copyTree(root.resolve("overlays"), dir.resolve("overlays"));
    copyTree(root.resolve("deploy"), dir.resolve("deploy")); // the chart hoist.yaml's charts: names
    Files.copy(root.resolve("hoist.yaml"), dir.resolve("hoist.yaml"));
    Files.writeString(dir.resolve(".gitignore"), "target/\n");
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      git.remoteAdd().setName("origin").setUri(new URIish(origin.toUri().toString())).call();
      git.add().addFilepattern(".").call();
      var commit = git.commit().setMessage("example").setSign(false);
      if (when != null) {
        var who =
            new org.eclipse.jgit.lib.PersonIdent(
                "hoist test", "test@hoist.dev", when, java.time.ZoneOffset.UTC);
        commit.setAuthor(who).setCommitter(who);
      }
      commit.call();
      git.push().setRemote("origin").add("main").call();
    }
    ExampleProject project = new ExampleProject(origin, dir, jar);
    project.installJar();
    return project;
  }

  /**
   * A fresh clone of origin with the example jar in target/ (as a CI checkout + build would have
   * it).
   */
  ExampleProject cloneTo(Path target) throws Exception {
    Git.cloneRepository()
        .setURI(origin.toUri().toString())
        .setDirectory(target.toFile())
        .call()
        .close();
    ExampleProject clone = new ExampleProject(origin, target, jar);
    clone.installJar();
    return clone;
  }

  private void installJar() throws IOException {
    Path installed = dir.resolve("hoist-example/target/hoist-example.jar");
    Files.createDirectories(installed.getParent());
    Files.copy(jar, installed, StandardCopyOption.REPLACE_EXISTING);
  }

  void tag(String name) throws Exception {
    try (Git git = Git.open(dir.toFile())) {
      git.tag().setName(name).setAnnotated(true).setMessage(name).setSigned(false).call();
      git.push().setRemote("origin").setPushTags().call();
    }
  }

  void commit(String file, String content) throws Exception {
    Files.writeString(dir.resolve(file), content);
    try (Git git = Git.open(dir.toFile())) {
      git.add().addFilepattern(file).call();
      git.commit().setMessage("change " + file).setSign(false).call();
      git.push().setRemote("origin").add("main").call();
    }
  }

  /** Commits whatever the release wrote (flux/, manifests/), as a user would after a release. */
  void commitAll(String message) throws Exception {
    try (Git git = Git.open(dir.toFile())) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage(message).setSign(false).call();
      git.push().setRemote("origin").add("main").call();
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
  }

  static List<String> list(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString())
          .sorted()
          .toList();
    }
  }
}
