package dev.hoist.cli;

import static dev.hoist.cli.CliRun.hoist;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code --timeout}: the budget of one command's registry traffic, checked while parsing. */
@Timeout(60)
class TimeoutCommandTest {
  @Test
  void aRegistryThatNeverAnswersEndsTheCommandWithinItsBudget() throws Exception {
    List<Socket> held = new ArrayList<>();
    try (ServerSocket silent =
        new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
      Thread t =
          new Thread(
              () -> {
                try {
                  while (true) {
                    held.add(silent.accept());
                  }
                } catch (java.io.IOException e) {
                  // closed
                }
              });
      t.setDaemon(true);
      t.start();
      long start = System.nanoTime();
      CliRun run =
          hoist(
              "artifact",
              "list",
              "oci://127.0.0.1:" + silent.getLocalPort() + "/team/app",
              "--insecure",
              "--timeout",
              "1s");
      assertEquals(6, run.code(), run.err());
      assertTrue(
          run.err().contains("GET /v2/team/app/tags/list: the time budget of 1s ran out"),
          run.err());
      assertTrue(System.nanoTime() - start < 15_000_000_000L);
      assertNull(System.getProperty("hoist.timeout"), "--timeout lasts one command");
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void aTimeoutThatIsNotADurationIsAUsageError() {
    CliRun run = hoist("artifact", "list", "oci://127.0.0.1:1/a", "--timeout", "ten");
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains("--timeout ten: not a duration above zero"), run.err());
  }
}
