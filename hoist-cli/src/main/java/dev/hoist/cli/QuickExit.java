package dev.hoist.cli;

/**
 * Lets the JVM exit without a 300 ms pause after a command that used {@code java.net.http}. At exit
 * HotSpot waits up to 300 ms for every thread that is running native code to stop (VM_Exit's
 * wait_for_threads_in_native_to_block); an HTTP client's selector thread sits in {@code epoll_wait}
 * until its client is closed, which JDK 17 cannot do ({@code HttpClient.close()} came in JDK 21).
 * Interrupting that thread is the documented way out of a blocking {@code Selector.select()}: the
 * selector loop ends and the thread finishes. Only the CLI's own exit does this; an embedding
 * program keeps its clients.
 */
final class QuickExit {
  private static final String SELECTOR_SUFFIX =
      "-SelectorManager"; // java.net.http names it HttpClient-N-…

  private QuickExit() {}

  static void exit(int code) {
    Thread[] threads = new Thread[Thread.activeCount() + 8];
    int n = Thread.enumerate(threads);
    stopHttpSelectors(java.util.Arrays.asList(threads).subList(0, n));
    System.exit(code);
  }

  /**
   * Interrupts those of {@code threads} that are HTTP clients' selector threads; returns how many.
   */
  static int stopHttpSelectors(Iterable<Thread> threads) {
    int stopped = 0;
    for (Thread t : threads) {
      if (t.getName().startsWith("HttpClient-") && t.getName().endsWith(SELECTOR_SUFFIX)) {
        t.interrupt(); // it leaves epoll_wait at once; the exit then stops it like any thread
        // running Java code
        stopped++;
      }
    }
    return stopped;
  }
}
