package dev.hoist.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.hoist.oci.RegistryClient;
import dev.hoist.testing.HttpSelectors;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every goal's frame: the registry connections hoist opened are closed when the last hoist goal
 * running ends (so Maven's exit does not wait for their threads), never while another goal of a
 * parallel build still runs.
 */
class HoistMojoTest {
  /** A goal that runs until it is let go. */
  private static final class Goal extends HoistMojo {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    void run() {
      started.countDown();
      try {
        assertTrue(release.await(30, TimeUnit.SECONDS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Test
  void connectionsCloseWhenTheLastRunningGoalEnds() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> exchange.sendResponseHeaders(404, -1));
    server.start();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      RegistryClient.closeAll(); // what earlier tests in this JVM left
      Goal first = new Goal();
      Goal second = new Goal();
      Future<?> a =
          pool.submit(
              () -> {
                first.execute();
                return null;
              });
      Future<?> b =
          pool.submit(
              () -> {
                second.execute();
                return null;
              });
      assertTrue(first.started.await(30, TimeUnit.SECONDS));
      assertTrue(second.started.await(30, TimeUnit.SECONDS));

      // a call of one of the goals pushes or reads something: its client's selector thread runs
      List<Thread> before = HttpSelectors.running();
      RegistryClient client = RegistryClient.builder().insecure(true).build();
      String registry = "127.0.0.1:" + server.getAddress().getPort();
      assertEquals(Optional.empty(), client.repository(registry + "/a").resolve("v1"));
      List<Thread> opened = HttpSelectors.running();
      opened.removeAll(before);
      assertFalse(opened.isEmpty());

      first.release.countDown();
      a.get(30, TimeUnit.SECONDS);
      Thread.sleep(200);
      assertTrue(opened.stream().allMatch(Thread::isAlive), "closed while a goal still runs");
      assertEquals(Optional.empty(), client.repository(registry + "/a").resolve("v2"));

      second.release.countDown();
      b.get(30, TimeUnit.SECONDS);
      for (Thread thread : opened) {
        thread.join(10_000);
        assertFalse(thread.isAlive(), thread.getName() + " outlived the last goal");
      }
    } finally {
      pool.shutdownNow();
      server.stop(0);
    }
  }
}
