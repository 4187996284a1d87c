package dev.hoist.oci;

import static dev.hoist.oci.TestServer.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.testing.HttpSelectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link RegistryClient#closeAll()}: the HTTP clients a registry client made stop, and their
 * selector threads end (what a host's exit would otherwise wait 300 ms for).
 */
class CloseAllTest {
  @Test
  void theClientsThreadsEndAndANewClientStillWorks() throws Exception {
    try (TestServer server = new TestServer((ex, n) -> send(ex, 404, ""))) {
      RegistryClient.closeAll(); // clients of earlier tests in this JVM
      List<Thread> before = HttpSelectors.running();
      RegistryClient client = TestServer.client(new ArrayList<>()).insecure(true).build();
      assertEquals(Optional.empty(), client.repository(server.registry() + "/a").resolve("v1"));
      List<Thread> started = HttpSelectors.running();
      started.removeAll(before);
      assertFalse(started.isEmpty(), "the request started a selector thread");

      assertTrue(RegistryClient.closeAll() >= 1);
      for (Thread thread : started) {
        thread.join(10_000);
        assertFalse(thread.isAlive(), thread.getName() + " still runs");
      }
      assertEquals(0, RegistryClient.closeAll(), "each client is closed once");

      RegistryClient next = TestServer.client(new ArrayList<>()).insecure(true).build();
      assertEquals(Optional.empty(), next.repository(server.registry() + "/a").resolve("v1"));
    }
  }
}
