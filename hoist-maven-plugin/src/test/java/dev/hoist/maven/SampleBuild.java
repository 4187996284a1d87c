package dev.hoist.maven;

import dev.hoist.testing.Processes;
import dev.hoist.testing.RealParts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;

/**
 * A sample project of {@code src/test/projects} copied into a git checkout tagged {@code v1.2.3},
 * built by a real {@code mvn} with the plugin from {@code target/it-repo} (everything else is read
 * from the user's local repository through a {@code file:} mirror: no network).
 */
final class SampleBuild {
  private final Path dir;
  private final Path settings;

  private SampleBuild(Path dir, Path settings) {
    this.dir = dir;
    this.settings = settings;
  }

  static SampleBuild checkout(String sample, Path tmp) throws Exception {
    Path source = Path.of("src/test/projects", sample).toAbsolutePath();
    Path dir = tmp.resolve(sample);
    String version = System.getProperty("hoist.pluginVersion");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = dir.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.writeString(target, Files.readString(file).replace("@hoist.version@", version));
        }
      }
    }
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit()
          .setMessage(sample)
          .setAuthor("hoist", "hoist@example.com")
          .setCommitter("hoist", "hoist@example.com")
          .setSign(false)
          .call();
      git.tag().setName("v1.2.3").setAnnotated(false).call();
    }
    Path settings = tmp.resolve("settings.xml");
    Files.writeString(
        settings,
        "<settings><mirrors><mirror><id>user-repository</id><mirrorOf>*</mirrorOf><url>"
            + Path.of(System.getProperty("hoist.userRepo")).toUri()
            + "</url></mirror></mirrors></settings>\n");
    return new SampleBuild(dir, settings);
  }

  Path dir() {
    return dir;
  }

  /** {@code mvn -B <args>} in the checkout. */
  Processes.Result mvn(String... args) throws IOException, InterruptedException {
    Path mvn = RealParts.tool("mvn");
    List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-ntp"));
    command.add("-s");
    command.add(settings.toString());
    command.add("-Dmaven.repo.local=" + System.getProperty("hoist.itRepo"));
    command.add("-Dmaven.test.skip=true");
    command.addAll(List.of(args));
    return Processes.run(dir, command, 300);
  }

  /** The CLI ({@code dev.hoist.cli.Main} in a JVM of its own) in the checkout. */
  Processes.Result hoist(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.hoist.cli.Main"));
    command.addAll(List.of(args));
    return Processes.run(dir, command, 300);
  }
}
