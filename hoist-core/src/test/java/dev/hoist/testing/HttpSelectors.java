package dev.hoist.testing;

import java.util.ArrayList;
import java.util.List;

/** The selector threads of java.net.http clients ({@code HttpClient-<id>-SelectorManager}). */
public final class HttpSelectors {
  private HttpSelectors() {}

  /** Those running now. */
  public static List<Thread> running() {
    List<Thread> out = new ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("HttpClient-")
          && thread.getName().endsWith("-SelectorManager")) {
        out.add(thread);
      }
    }
    return out;
  }
}
