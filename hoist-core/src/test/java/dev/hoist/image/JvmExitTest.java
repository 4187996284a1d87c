package dev.hoist.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hoist.testing.InMemoryRepository;
import dev.hoist.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A JVM whose main method returns after a build exits by itself: no Jib thread keeps it alive. */
@Timeout(120)
class JvmExitTest {
  @TempDir Path dir;

  /**
   * Builds the fixture app from scratch into memory and prints the digest; used as a child JVM's
   * main.
   */
  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    Fixture f = new Fixture(work);
    BuiltImage image =
        new JibImageBuilder(work.resolve("cache"), System.err::println)
            .build(
                f.app(),
                Fixture.request(BaseImage.scratch(), List.of("v1")),
                ImageTarget.layout(new InMemoryRepository("mem")));
    System.out.println(image.digest());
  }

  @Test
  void childJvmExitsAfterTheBuild() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Processes.Result result =
        Processes.run(
                dir,
                List.of(
                    java.toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    JvmExitTest.class.getName(),
                    dir.toString()),
                60)
            .requireSuccess();

    InMemoryRepository repo = new InMemoryRepository("mem");
    Path here = Files.createDirectory(dir.resolve("here"));
    BuiltImage same =
        new JibImageBuilder(here.resolve("cache"), line -> {})
            .build(
                new Fixture(here).app(),
                Fixture.request(BaseImage.scratch(), List.of("v1")),
                ImageTarget.layout(repo));
    assertEquals(same.digest() + "\n", result.stdout());
  }
}
