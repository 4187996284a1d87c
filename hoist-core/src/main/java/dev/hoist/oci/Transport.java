package dev.hoist.oci;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sends registry requests: answers auth challenges, follows redirects of GET/HEAD itself (dropping
 * the Authorization header when the origin changes) and retries 408/429/5xx answers and I/O
 * failures (resets, timeouts) with backoff, honouring {@code Retry-After} up to a minute. A refused
 * connection is not retried: nothing listens at that address, and five attempts would only delay
 * the error by seconds.
 */
final class Transport {
  private static final int MAX_REDIRECTS = 10;

  private final HttpClients http;
  private final RetryPolicy retry;
  private final Duration requestTimeout;
  private final Duration answerTimeout;
  private final Budget budget;
  private final Authenticator auth;
  private final Consumer<String> log;
  private final Consumer<HttpRequest> observer;

  /**
   * One request. With a {@code scope} the authenticator supplies the Authorization header; without
   * one {@code authorization} (may be null) is sent as given.
   */
  record Call(
      String registry,
      String method,
      URI uri,
      Map<String, String> headers,
      Supplier<BodyPublisher> body,
      String scope,
      String authorization) {
    @Override
    public String toString() {
      return describe(this) + (authorization == null ? "" : " (with credentials)");
    }
  }

  Transport(
      HttpClients http,
      RetryPolicy retry,
      Duration requestTimeout,
      Duration answerTimeout,
      Budget budget,
      Authenticator auth,
      Consumer<String> log,
      Consumer<HttpRequest> observer) {
    this.http = http;
    this.retry = retry;
    this.requestTimeout = requestTimeout;
    this.answerTimeout = answerTimeout;
    this.budget = budget;
    this.auth = auth;
    this.log = log;
    this.observer = observer;
    auth.use(this);
  }

  /** Sends with retries; the caller reads and closes the answer, whatever its status. */
  Response send(Call call) throws IOException {
    for (int attempt = 1; ; attempt++) {
      budget.check(call, attempt == 1 ? "before it was sent" : "before attempt " + attempt);
      Response response;
      try {
        response = authenticated(call);
      } catch (RegistryException | InterruptedIOException e) {
        throw e;
      } catch (javax.net.ssl.SSLException e) {
        // a TLS handshake with a plain-HTTP server (or a bad certificate) does not heal by retrying
        throw new RegistryException(
            describe(call)
                + ": TLS failed ("
                + describe(e)
                + "); a plain-HTTP "
                + "registry needs --insecure",
            0,
            "");
      } catch (java.net.ConnectException e) {
        // nothing listens there (a reset is retried below, a refusal does not heal in seconds):
        // fail now
        throw new RegistryException(
            describe(call)
                + ": registry unreachable: "
                + call.uri().getScheme()
                + "://"
                + call.uri().getRawAuthority()
                + " refused the connection; is the registry running there?",
            0,
            "");
      } catch (java.net.http.HttpTimeoutException e) {
        if (budget.remaining().isZero()) {
          throw budget.exhausted(call, "waiting for its answer");
        }
        if (attempt >= retry.maxAttempts) {
          throw new RegistryException(
              describe(call) + ": no answer after " + attempt + " attempts (stalled)", 0, "");
        }
        Duration wait = waitOrGiveUp(call, retry.backoff(attempt));
        log.accept(
            describe(call) + ": no answer (stalled); retrying in " + wait.toMillis() + " ms");
        retry.sleep(wait);
        continue;
      } catch (IOException e) {
        if (attempt >= retry.maxAttempts) {
          throw new RegistryException(
              describe(call) + ": failed after " + attempt + " attempts: " + describe(e), 0, "");
        }
        Duration wait = waitOrGiveUp(call, retry.backoff(attempt));
        log.accept(
            describe(call) + ": " + describe(e) + "; retrying in " + wait.toMillis() + " ms");
        retry.sleep(wait);
        continue;
      }
      if (!RetryPolicy.retryable(response.status())) {
        return response;
      }
      Optional<Duration> after = retry.retryAfter(response.header("Retry-After").orElse(null));
      if (after.isPresent() && after.get().compareTo(RetryPolicy.MAX_RETRY_AFTER) > 0) {
        ErrorBody.Parsed parsed = ErrorBody.parse(response.readQuietly(64 * 1024));
        java.time.Instant when =
            retry.clock.instant().plus(after.get()).truncatedTo(ChronoUnit.SECONDS);
        throw new RegistryException(
            describe(call)
                + ": "
                + response.status()
                + (parsed.text().isEmpty() ? "" : " " + parsed.text())
                + "; the registry asks to retry in "
                + after.get().toSeconds()
                + " s (at "
                + when
                + "); try again then",
            response.status(),
            parsed.code());
      }
      if (attempt >= retry.maxAttempts) {
        throw error(call, response, "failed after " + attempt + " attempts");
      }
      response.close();
      Duration wait = waitOrGiveUp(call, after.isPresent() ? after.get() : retry.backoff(attempt));
      log.accept(
          describe(call) + ": " + response.status() + "; retrying in " + wait.toMillis() + " ms");
      retry.sleep(wait);
    }
  }

  /** The wait before a retry; when the budget ends sooner, the command stops now instead. */
  private Duration waitOrGiveUp(Call call, Duration wait) throws RegistryException {
    if (budget.remaining().compareTo(wait) <= 0) {
      throw budget.exhausted(call, "before its retry");
    }
    return wait;
  }

  private Response authenticated(Call call) throws IOException {
    if (call.scope() == null) {
      return exchange(call, call.authorization());
    }
    String authorization = auth.header(call.registry(), call.scope(), call.uri()).orElse(null);
    Response response = exchange(call, authorization);
    if (response.status() != 401 || !sameOrigin(call.uri(), response.uri())) {
      return response; // a challenge from where a redirect led is not the registry's: never answer
      // it
    }
    Optional<Challenge> challenge =
        Challenge.select(response.headers().allValues("WWW-Authenticate"));
    if (challenge.isEmpty()) {
      return response;
    }
    Optional<String> answer =
        auth.challenged(call.registry(), call.scope(), challenge.get(), call.uri());
    if (answer.isEmpty() || answer.get().equals(authorization)) {
      return response;
    }
    response.close();
    return exchange(call, answer.get());
  }

  /**
   * One request, following redirects of GET and HEAD; Authorization is dropped once the origin
   * changes.
   */
  private Response exchange(Call call, String authorization) throws IOException {
    URI uri = call.uri();
    boolean follow = call.method().equals("GET") || call.method().equals("HEAD");
    for (int hops = 0; ; hops++) {
      Response response = once(call, uri, authorization);
      Optional<String> location = response.header("Location");
      if (!follow || !redirect(response.status()) || location.isEmpty()) {
        return response;
      }
      response.close();
      if (hops == MAX_REDIRECTS) {
        throw new RegistryException(
            describe(call) + ": more than " + MAX_REDIRECTS + " redirects", 0, "");
      }
      URI next = uri.resolve(location.get());
      if (!sameOrigin(uri, next)) {
        authorization = null;
      }
      uri = next;
    }
  }

  private Response once(Call call, URI uri, String authorization) throws IOException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            // an answer must begin within answerTimeout; an upload gets requestTimeout to be sent
            .timeout(budget.cap(call.body() == null ? answerTimeout : requestTimeout))
            .method(
                call.method(),
                call.body() == null ? HttpRequest.BodyPublishers.noBody() : call.body().get())
            .header("User-Agent", "hoist");
    if ("http".equals(uri.getScheme())) {
      builder.version(HttpClient.Version.HTTP_1_1);
    }
    call.headers().forEach(builder::header);
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    HttpRequest request = builder.build();
    observer.accept(request);
    try {
      HttpResponse<InputStream> r =
          http.forUri(uri).send(request, HttpResponse.BodyHandlers.ofInputStream());
      return new Response(r.statusCode(), r.headers(), r.body(), uri, call.method().equals("HEAD"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted: " + describe(call));
    }
  }

  /** A one-line exception for an unwanted answer, with the registry's error code and message. */
  RegistryException error(Call call, Response response, String context) {
    ErrorBody.Parsed parsed = ErrorBody.parse(response.readQuietly(64 * 1024));
    StringBuilder message = new StringBuilder(describe(call)).append(": ");
    if (context != null) {
      message.append(context).append(": ");
    }
    message.append(response.status());
    if (!parsed.text().isEmpty()) {
      message.append(' ').append(parsed.text());
    }
    if (response.status() == 401) {
      message.append(
          auth.hasCredentials(call.registry())
              ? "; the credentials for " + call.registry() + " were rejected"
              : "; no credentials for "
                  + call.registry()
                  + " (use --creds, docker login, or GITHUB_TOKEN for ghcr.io)");
    }
    return new RegistryException(message.toString(), response.status(), parsed.code());
  }

  static String describe(Call call) {
    return "registry " + call.registry() + ": " + call.method() + " " + call.uri().getRawPath();
  }

  /** The exception's type and the first message along its cause chain. */
  private static String describe(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        return e.getClass().getSimpleName() + ": " + ErrorBody.oneLine(t.getMessage());
      }
    }
    return e instanceof java.net.ConnectException
        ? "ConnectException: cannot connect"
        : e.getClass().getSimpleName();
  }

  private static boolean redirect(int status) {
    return List.of(301, 302, 303, 307, 308).contains(status);
  }

  static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(String.valueOf(b.getScheme()))
        && a.getHost()
            .toLowerCase(Locale.ROOT)
            .equals(String.valueOf(b.getHost()).toLowerCase(Locale.ROOT))
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    return uri.getPort() >= 0
        ? uri.getPort()
        : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
