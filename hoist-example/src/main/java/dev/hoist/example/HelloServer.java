package dev.hoist.example;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The example service hoist ships (base/, overlays/): a tiny HTTP server on the JDK's built-in
 * server. {@code GET /} greets, {@code GET /healthz} answers {@code ok} for the probes. Port from
 * {@code PORT} (default 8080); greeting from {@code GREETING}.
 */
public final class HelloServer {
  private HelloServer() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    String greeting = System.getenv().getOrDefault("GREETING", "hello from hoist");
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext("/healthz", exchange -> reply(exchange, 200, "ok\n"));
    server.createContext(
        "/",
        exchange ->
            reply(
                exchange,
                exchange.getRequestURI().getPath().equals("/") ? 200 : 404,
                exchange.getRequestURI().getPath().equals("/") ? greeting + "\n" : "not found\n"));
    server.setExecutor(Executors.newFixedThreadPool(4));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(1)));
    server.start();
    System.out.println("listening on :" + port);
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
