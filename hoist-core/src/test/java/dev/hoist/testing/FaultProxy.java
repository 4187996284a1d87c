package dev.hoist.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hoist.oci.Digest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A fault-injecting HTTP proxy on 127.0.0.1 in front of a real registry. Each request is matched
 * against the armed {@link Fault faults} (method and path regex, a number of times); unmatched
 * requests are forwarded unchanged. Every request is logged as {@code METHOD path}, so tests count
 * what the client sent.
 */
public final class FaultProxy implements AutoCloseable {
  /** What to do to a matching request. */
  public enum Kind {
    /** Answer {@code status} (with {@code Retry-After: value} when given) without forwarding. */
    STATUS,
    /** Close the connection without an answer, before forwarding. */
    RESET_BEFORE,
    /** Forward (the registry acts on it), then close the connection without an answer. */
    RESET_AFTER,
    /** Forward, then flip one byte of the response body. */
    CORRUPT_BODY,
    /** Forward, then replace Docker-Content-Digest with another digest. */
    CORRUPT_DIGEST,
    /** Wait {@code value} milliseconds, then forward. */
    DELAY
  }

  record Fault(
      String method, Pattern path, Kind kind, int status, String value, AtomicInteger remaining) {}

  private static final Set<String> HOP =
      Set.of(
          "host",
          "connection",
          "content-length",
          "transfer-encoding",
          "expect",
          "upgrade",
          "keep-alive");

  private final HttpServer server;
  private final HttpClient client =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String upstream;
  private final List<Fault> faults = new CopyOnWriteArrayList<>();

  /** With {@link #referrersApi()}: per "name@subject", the referrers' index entries. */
  private final java.util.Map<String, List<String>> referrers =
      new java.util.concurrent.ConcurrentHashMap<>();

  private volatile boolean referrersApi;
  public final List<String> log = Collections.synchronizedList(new ArrayList<>());

  public FaultProxy(String upstreamHostPort) throws IOException {
    this.upstream = "http://" + upstreamHostPort;
    server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/", this::handle);
    server.start();
  }

  /** host:port of the proxy, to use as the registry. */
  public String registry() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * Arms a fault for the next {@code times} requests matching {@code method} and {@code pathRegex}.
   */
  public FaultProxy inject(
      String method, String pathRegex, Kind kind, int status, String value, int times) {
    faults.add(
        new Fault(
            method, Pattern.compile(pathRegex), kind, status, value, new AtomicInteger(times)));
    return this;
  }

  /** Requests logged so far whose line matches {@code regex}. */
  public long count(String regex) {
    Pattern p = Pattern.compile(regex);
    synchronized (log) {
      return log.stream().filter(l -> p.matcher(l).find()).count();
    }
  }

  /**
   * Serves the OCI 1.1 referrers API in front of a registry that has none (CNCF distribution 2.8):
   * manifests pushed through the proxy with a {@code subject} are listed by {@code GET
   * /v2/<name>/referrers/<digest>}, as a registry with the API lists them.
   */
  public FaultProxy referrersApi() {
    referrersApi = true;
    return this;
  }

  public void reset() {
    faults.clear();
    log.clear();
  }

  private Fault match(String method, String path) {
    for (Fault f : faults) {
      if (f.method().equals(method)
          && f.path().matcher(path).find()
          && f.remaining().getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
        return f;
      }
    }
    return null;
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      String method = ex.getRequestMethod();
      String target =
          ex.getRequestURI().getRawPath()
              + (ex.getRequestURI().getRawQuery() == null
                  ? ""
                  : "?" + ex.getRequestURI().getRawQuery());
      byte[] body = ex.getRequestBody().readAllBytes();
      log.add(method + " " + ex.getRequestURI().getRawPath());
      if (referrersApi && answerReferrers(ex, method, body)) {
        return;
      }
      Fault fault = match(method, ex.getRequestURI().getRawPath());
      Kind kind = fault == null ? null : fault.kind();
      if (kind == Kind.STATUS) {
        if (fault.value() != null) {
          ex.getResponseHeaders().add("Retry-After", fault.value());
        }
        ex.sendResponseHeaders(fault.status(), -1);
        return;
      }
      if (kind == Kind.RESET_BEFORE) {
        return; // closed below without an answer
      }
      if (kind == Kind.DELAY) {
        Thread.sleep(Long.parseLong(fault.value()));
      }
      HttpResponse<byte[]> r = forward(method, target, ex, body);
      if (kind == Kind.RESET_AFTER) {
        return;
      }
      byte[] answer = r.body();
      r.headers()
          .map()
          .forEach(
              (name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (HOP.contains(lower) || lower.equals(":status")) {
                  return;
                }
                for (String v : values) {
                  if (lower.equals("location")) {
                    v = v.replace(upstream, "http://" + registry());
                  } else if (lower.equals("docker-content-digest") && kind == Kind.CORRUPT_DIGEST) {
                    v = Digest.sha256(("corrupt " + v).getBytes(StandardCharsets.UTF_8)).toString();
                  }
                  ex.getResponseHeaders().add(name, v);
                }
              });
      if (kind == Kind.CORRUPT_BODY && answer.length > 0) {
        answer = answer.clone();
        answer[answer.length / 2] ^= 0x20;
      }
      boolean noBody = method.equals("HEAD") || answer.length == 0;
      ex.sendResponseHeaders(r.statusCode(), noBody ? -1 : answer.length);
      if (!noBody) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(answer);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      ex.close();
    }
  }

  private static final Pattern MANIFEST = Pattern.compile("^/v2/(.+)/manifests/[^/]+$");
  private static final Pattern REFERRERS =
      Pattern.compile("^/v2/(.+)/referrers/(sha256:[0-9a-f]{64})$");

  /** Records a pushed manifest with a subject (then forwards it); answers a referrers query. */
  private boolean answerReferrers(HttpExchange ex, String method, byte[] body) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    java.util.regex.Matcher query = REFERRERS.matcher(path);
    if (method.equals("GET") && query.matches()) {
      List<String> entries =
          referrers.getOrDefault(query.group(1) + "@" + query.group(2), List.of());
      byte[] index =
          ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
                  + "\"manifests\":["
                  + String.join(",", entries)
                  + "]}")
              .getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/vnd.oci.image.index.v1+json");
      ex.sendResponseHeaders(200, index.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(index);
      }
      return true;
    }
    java.util.regex.Matcher put = MANIFEST.matcher(path);
    if (method.equals("PUT") && put.matches()) {
      var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
      String subject = json.path("subject").path("digest").asText("");
      if (!subject.isEmpty()) {
        String entry =
            "{\"mediaType\":\""
                + json.path("mediaType").asText()
                + "\",\"digest\":\""
                + Digest.sha256(body)
                + "\",\"size\":"
                + body.length
                + ",\"artifactType\":\""
                + json.path("artifactType").asText()
                + "\"}";
        referrers
            .computeIfAbsent(
                put.group(1) + "@" + subject,
                k -> new java.util.concurrent.CopyOnWriteArrayList<>())
            .add(entry);
      }
    }
    return false; // forwarded as usual
  }

  private HttpResponse<byte[]> forward(String method, String target, HttpExchange ex, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(upstream + target))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body.length == 0 && !method.equals("PUT") && !method.equals("POST")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    ex.getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> b.header(name, v));
              }
            });
    return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
