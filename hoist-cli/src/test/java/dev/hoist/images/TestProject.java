package dev.hoist.images;

import dev.hoist.cli.Main;
import dev.hoist.testing.Processes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A throw-away git checkout with a hoist.yaml and app files, committed at a fixed time and tagged.
 */
final class TestProject {
  static final PersonIdent AUTHOR =
      new PersonIdent(
          "Test",
          "test@example.com",
          java.time.Instant.parse("2026-05-06T07:08:09Z"),
          java.time.ZoneOffset.ofHours(2));

  final Path dir;

  TestProject(Path dir) {
    this.dir = dir;
  }

  /**
   * Writes {@code files} (path → content; a path ending in {@code *} is made executable) and
   * commits.
   */
  static TestProject create(Path dir, String hoistYaml, Map<String, String> files, String tag)
      throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("hoist.yaml"), hoistYaml);
    Files.writeString(dir.resolve(".gitignore"), "target/\n");
    for (Map.Entry<String, String> file : files.entrySet()) {
      boolean executable = file.getKey().endsWith("*");
      Path path =
          dir.resolve(
              executable ? file.getKey().substring(0, file.getKey().length() - 1) : file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue());
      path.toFile().setExecutable(executable, false);
    }
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("app").setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call();
      if (tag != null) {
        git.tag().setName(tag).setAnnotated(false).call();
      }
    }
    return new TestProject(dir);
  }

  /**
   * {@code hoist <args>} in-process with {@code --config <dir>/hoist.yaml}; returns exit code, out,
   * err.
   */
  Processes.Result hoist(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--config");
    all.add(dir.resolve("hoist.yaml").toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
    return new Processes.Result(code, out.toString(), err.toString());
  }
}
