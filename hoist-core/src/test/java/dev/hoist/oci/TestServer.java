package dev.hoist.oci;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A scripted HTTP server on 127.0.0.1:0 that records every request it gets. */
final class TestServer implements AutoCloseable {
  /**
   * One recorded request: method, path with query, Authorization header (or null), body, client
   * port.
   */
  @SuppressWarnings("ArrayRecordComponent") // carries bytes; never compared or hashed
  record Seen(String method, String target, String authorization, byte[] body, int clientPort) {
    String line() {
      return method + " " + target;
    }
  }

  interface Handler {
    void handle(HttpExchange exchange, int count) throws IOException;
  }

  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private final HttpServer server;
  final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());

  TestServer(Handler handler) throws IOException {
    this(handler, 0);
  }

  /** With {@code threads} > 0, requests are handled on that many threads at the same time. */
  TestServer(Handler handler, int threads) throws IOException {
    server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
    if (threads > 0) {
      server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(threads));
    }
    server.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          seen.add(
              new Seen(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().toString(),
                  exchange.getRequestHeaders().getFirst("Authorization"),
                  body,
                  exchange.getRemoteAddress().getPort()));
          try {
            handler.handle(exchange, seen.size());
          } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
          } finally {
            exchange.close();
          }
        });
    server.start();
  }

  String registry() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  int port() {
    return server.getAddress().getPort();
  }

  List<String> lines() {
    synchronized (seen) {
      return seen.stream().map(Seen::line).toList();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  static void send(HttpExchange exchange, int status, String body, String... headers)
      throws IOException {
    for (int i = 0; i < headers.length; i += 2) {
      exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (exchange.getRequestMethod().equals("HEAD") || bytes.length == 0) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static void sendBytes(HttpExchange exchange, int status, byte[] bytes, String... headers)
      throws IOException {
    for (int i = 0; i < headers.length; i += 2) {
      exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
    }
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /**
   * A client for tests: plain HTTP to loopback, no real waiting (waits are recorded), fixed clock.
   */
  static RegistryClient.Builder client(List<Duration> sleeps) {
    RetryPolicy retry =
        new RetryPolicy(
            5,
            Duration.ofMillis(100),
            Duration.ofSeconds(2),
            sleeps::add,
            Clock.fixed(NOW, ZoneOffset.UTC),
            () -> 0.0);
    return RegistryClient.builder()
        .insecure(true)
        .retry(retry)
        .requestTimeout(Duration.ofSeconds(10));
  }
}
