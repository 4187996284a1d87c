package dev.hoist.image;

import com.google.cloud.tools.jib.event.events.ProgressEvent;
import com.google.cloud.tools.jib.event.progress.Allocation;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Turns Jib's progress events for blob pushes and base-layer pulls into lines such as {@code
 * pushing blob sha256:0123456789ab: 1.2 MB / 4.0 MB}: one when a blob is done, and at most one a
 * second per blob while it moves. Other progress (building, manifests) is left out.
 */
final class TransferProgress implements Consumer<ProgressEvent> {
  private static final long INTERVAL_NANOS = 1_000_000_000L;

  private final Consumer<String> out;
  private final LongSupplier clock;
  private final Map<Allocation, long[]> transfers = new HashMap<>();

  TransferProgress(Consumer<String> out, LongSupplier clock) {
    this.out = out;
    this.clock = clock;
  }

  @Override
  public synchronized void accept(ProgressEvent event) {
    Allocation allocation = event.getAllocation();
    String description = allocation.getDescription();
    if (!(description.startsWith("pushing blob ")
        || description.startsWith("pulling base image layer "))) {
      return;
    }
    long total = allocation.getAllocationUnits();
    long[] state = transfers.computeIfAbsent(allocation, a -> new long[] {0, clock.getAsLong()});
    state[0] += event.getUnits();
    long now = clock.getAsLong();
    boolean done = state[0] >= total;
    if (done || now - state[1] >= INTERVAL_NANOS) {
      state[1] = now;
      out.accept(shorten(description) + ": " + size(state[0]) + " / " + size(total));
    }
    if (done) {
      transfers.remove(allocation);
    }
  }

  private static String shorten(String description) {
    String trimmed = description.strip();
    int colon = trimmed.indexOf("sha256:");
    return colon >= 0 && trimmed.length() > colon + 19 ? trimmed.substring(0, colon + 19) : trimmed;
  }

  static String size(long bytes) {
    if (bytes < 1000) {
      return bytes + " B";
    }
    if (bytes < 1_000_000) {
      return String.format(java.util.Locale.ROOT, "%.1f kB", bytes / 1e3);
    }
    return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
