package dev.hoist.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A registry that stops answering: each request waits a bounded time, the command a budget. */
@Timeout(30)
class BudgetTest {
  private final List<Duration> sleeps = new ArrayList<>();

  /** Accepts connections and never answers. */
  private static final class Silent implements AutoCloseable {
    final ServerSocket socket;
    final List<Socket> accepted = new CopyOnWriteArrayList<>();

    Silent() throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
      Thread t =
          new Thread(
              () -> {
                try {
                  while (true) {
                    accepted.add(socket.accept());
                  }
                } catch (IOException e) {
                  // closed
                }
              });
      t.setDaemon(true);
      t.start();
    }

    String registry() {
      return "127.0.0.1:" + socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      socket.close();
      for (Socket s : accepted) {
        s.close();
      }
    }
  }

  @Test
  void aStalledRequestIsRetriedAndThenNamedAsStalled() throws Exception {
    try (Silent silent = new Silent()) {
      RegistryRepository repo =
          TestServer.client(sleeps)
              .answerTimeout(Duration.ofMillis(200))
              .timeout(Duration.ofMinutes(1))
              .build()
              .repository(silent.registry() + "/team/app");
      RegistryException e = assertThrows(RegistryException.class, () -> repo.resolve("1.0.0"));
      assertEquals(
          "registry "
              + silent.registry()
              + ": HEAD /v2/team/app/manifests/1.0.0: no answer after 5 attempts (stalled)",
          e.getMessage());
      assertEquals(4, sleeps.size());
    }
  }

  @Test
  void theBudgetEndsTheCommandNamingTheRequestThatStalled() throws Exception {
    try (Silent silent = new Silent()) {
      RegistryRepository repo =
          TestServer.client(sleeps)
              .timeout(Duration.ofMillis(700))
              .build()
              .repository(silent.registry() + "/team/app");
      long start = System.nanoTime();
      RegistryException e = assertThrows(RegistryException.class, () -> repo.listTags());
      assertTrue(
          e.getMessage()
              .startsWith(
                  "registry "
                      + silent.registry()
                      + ": GET /v2/team/app/tags/list: the time budget of 700ms ran out"),
          e.getMessage());
      assertTrue(System.nanoTime() - start < 10_000_000_000L);
    }
  }

  @Test
  void durationsParseAsGoWritesThem() {
    assertEquals(Duration.ofSeconds(90), Budget.parse("90s"));
    assertEquals(Duration.ofMinutes(90), Budget.parse("1h30m"));
    assertEquals(Duration.ofMillis(500), Budget.parse("500ms"));
    for (String bad : List.of("", "10", "m", "0s", "1x", "-1m", "1m ")) {
      if (bad.equals("1m ")) {
        assertEquals(Duration.ofMinutes(1), Budget.parse(bad)); // trimmed
        continue;
      }
      assertThrows(IllegalArgumentException.class, () -> Budget.parse(bad), bad);
    }
    assertEquals("10m", Budget.format(Budget.DEFAULT));
  }
}
