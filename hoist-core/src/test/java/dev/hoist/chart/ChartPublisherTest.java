package dev.hoist.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.artifact.TagConflictException;
import dev.hoist.testing.InMemoryRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartPublisherTest {
  @TempDir Path dir;

  @Test
  void aVersionIsImmutableTheSameContentIsANoOpAndForceMovesIt() throws Exception {
    InMemoryRepository repo = new InMemoryRepository("r.example/charts/app");
    Path c = TestCharts.write(dir.resolve("c"), "app", "1.0.0+b.1");
    PackedChart first = new ChartPackager().pack(c, null, null, dir.resolve("o1"));
    ChartPush pushed =
        new ChartPublisher().publish(repo, "oci://r.example/charts/app", first, "t1", false);
    assertTrue(pushed.pushed());
    assertEquals("1.0.0_b.1", pushed.tag());
    assertEquals(List.of("1.0.0_b.1"), List.copyOf(repo.tags.keySet()));
    int calls = repo.calls.size();

    // the same chart at another time: nothing is sent
    ChartPush again =
        new ChartPublisher().publish(repo, "oci://r.example/charts/app", first, "t2", false);
    assertFalse(again.pushed());
    assertEquals(pushed.digest(), again.digest());
    assertEquals(calls, repo.calls.size());

    Files.writeString(c.resolve("templates/extra.yaml"), "# changed\n");
    PackedChart changed = new ChartPackager().pack(c, null, null, dir.resolve("o2"));
    TagConflictException conflict =
        assertThrows(
            TagConflictException.class,
            () ->
                new ChartPublisher()
                    .publish(repo, "oci://r.example/charts/app", changed, "t3", false));
    assertTrue(conflict.getMessage().contains(pushed.digest()), conflict.getMessage());
    assertTrue(conflict.getMessage().contains("chart app 1.0.0+b.1"), conflict.getMessage());
    assertEquals(calls, repo.calls.size(), "nothing uploaded");

    ChartPush forced =
        new ChartPublisher().publish(repo, "oci://r.example/charts/app", changed, "t3", true);
    assertTrue(forced.pushed());
    assertTrue(forced.notes().get(0).startsWith("--force: moving"), forced.notes().toString());
    assertEquals(forced.digest(), repo.tags.get("1.0.0_b.1").toString());
  }
}
