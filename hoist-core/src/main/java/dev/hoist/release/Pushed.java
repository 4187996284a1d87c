package dev.hoist.release;

import java.util.ArrayList;
import java.util.List;

/**
 * The ledger of a release's uploads: what is in the destination already, in order. Only the
 * publishing steps get it; a failure after the first upload names what it holds.
 */
final class Pushed {
  private final List<String> entries = new ArrayList<>();

  /**
   * Records that {@code what} ({@code image repo@sha256:…}, {@code artifact oci://…}) is stored.
   */
  void add(String what) {
    entries.add(what);
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  List<String> entries() {
    return List.copyOf(entries);
  }
}
