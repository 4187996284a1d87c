package dev.hoist.release;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.image.ImageBuilders;
import dev.hoist.image.ImageTarget;
import dev.hoist.run.Progress;
import dev.hoist.testing.FakeImageBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Release} composed over fakes of its parts (ko's fakes and decorators are the model): a
 * fixed image builder that notes where it builds, a registry in memory behind a recording
 * decorator, the embedded renderer behind one that notes what it renders. Progress lines and
 * registry writes go into one log, in order.
 */
abstract class ReleaseWithFakes {
  static final String REGISTRY = "registry.test/acme";

  @TempDir Path dir;
  final List<String> log = new ArrayList<>();
  final RecordingRegistry registry = new RecordingRegistry(log);
  final List<Path> rendered = new ArrayList<>();
  final List<Path> layouts = new ArrayList<>();
  ReleaseParts parts;

  @BeforeEach
  void parts() {
    FakeImageBuilder fake = new FakeImageBuilder();
    ImageBuilders builders =
        (progress, credentials) ->
            (app, request, target) -> {
              layouts.add(Path.of(((ImageTarget.Layout) target).repository().name()));
              return fake.build(app, request, target);
            };
    OverlayRenderer embedded = OverlayRenderer.embedded();
    parts =
        ReleaseParts.real()
            .withBuilders(builders)
            .withRegistries(registry)
            .withRenderer(
                overlay -> {
                  rendered.add(overlay);
                  return embedded.render(overlay);
                });
  }

  ReleaseResult release() {
    return release(false);
  }

  ReleaseResult release(boolean dryRun) {
    ReleaseRequest request =
        new ReleaseRequest(
            dir.resolve("hoist.yaml"),
            new Destination.Registry(REGISTRY, false),
            null,
            false,
            dryRun);
    return Release.run(request, (Progress) log::add, parts);
  }

  void assertScratchGone() {
    assertFalse(layouts.isEmpty(), "an image was built");
    for (Path layout : layouts) {
      Path work = layout.getParent().getParent();
      assertTrue(work.getFileName().toString().startsWith("hoist-release-"), work.toString());
      assertFalse(Files.exists(work), work + " is left behind");
    }
  }

  int indexOf(String prefix) {
    for (int i = 0; i < log.size(); i++) {
      if (log.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no line " + prefix + " in\n" + String.join("\n", log));
  }

  int lastIndexOf(String prefix) {
    for (int i = log.size() - 1; i >= 0; i--) {
      if (log.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no line " + prefix + " in\n" + String.join("\n", log));
  }
}
