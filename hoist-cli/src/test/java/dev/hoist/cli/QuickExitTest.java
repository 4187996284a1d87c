package dev.hoist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The CLI's exit stops the selector threads java.net.http leaves in native code (the JVM would wait
 * 300 ms for them). If a JDK renames that thread, the first assertion says so.
 */
class QuickExitTest {

  @Test
  void anHttpClientsSelectorThreadIsFoundAndEnds() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
    List<Thread> before = selectorThreads();
    try {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
      HttpResponse<Void> response =
          client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
      assertEquals(204, response.statusCode());
      List<Thread> selectors = selectorThreads();
      selectors.removeAll(before); // only this client's: other tests' clients keep theirs
      assertFalse(
          selectors.isEmpty(),
          "no HttpClient-N-SelectorManager thread among "
              + Thread.getAllStackTraces().keySet().stream()
                  .map(Thread::getName)
                  .collect(Collectors.toList()));

      assertEquals(selectors.size(), QuickExit.stopHttpSelectors(selectors));
      for (Thread t : selectors) {
        t.join(5_000);
        assertFalse(t.isAlive(), t.getName() + " still runs after the interrupt");
      }
    } finally {
      server.stop(0);
    }
  }

  private static List<Thread> selectorThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(
            t -> t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager"))
        .collect(Collectors.toCollection(java.util.ArrayList::new));
  }
}
