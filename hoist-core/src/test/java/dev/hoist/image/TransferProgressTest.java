package dev.hoist.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.cloud.tools.jib.event.events.ProgressEvent;
import com.google.cloud.tools.jib.event.progress.Allocation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransferProgressTest {
  @Test
  void blobLinesAtMostOncePerSecondAndWhenDone() {
    List<String> lines = new ArrayList<>();
    long[] now = {0};
    TransferProgress progress = new TransferProgress(lines::add, () -> now[0]);
    Allocation root = Allocation.newRoot("building images to registry", 2);
    Allocation blob = root.newChild("pushing blob sha256:0123456789abcdef0123456789", 2_500_000);
    Allocation other = root.newChild("building application layer", 10);

    progress.accept(new ProgressEvent(blob, 1_000_000));
    now[0] = 500_000_000L;
    progress.accept(new ProgressEvent(blob, 500_000));
    progress.accept(new ProgressEvent(other, 10));
    now[0] = 1_200_000_000L;
    progress.accept(new ProgressEvent(blob, 500_000));
    now[0] = 1_300_000_000L;
    progress.accept(new ProgressEvent(blob, 500_000));

    assertEquals(
        List.of(
            "pushing blob sha256:0123456789ab: 2.0 MB / 2.5 MB",
            "pushing blob sha256:0123456789ab: 2.5 MB / 2.5 MB"),
        lines);
  }

  @Test
  void sizes() {
    assertEquals(
        List.of("999 B", "1.5 kB", "12.3 MB"),
        List.of(
            TransferProgress.size(999),
            TransferProgress.size(1500),
            TransferProgress.size(12_345_678)));
  }
}
