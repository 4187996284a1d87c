package dev.hoist.oci;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Answers registry challenges. It remembers each registry's last challenge so later requests carry
 * credentials up front: Basic credentials, or a Bearer token fetched from the challenge's realm
 * (with Basic credentials when there are some, anonymously otherwise) and cached per registry and
 * scope until it expires.
 */
final class Authenticator {
  private static final long DEFAULT_TOKEN_SECONDS = 60;
  private static final long EXPIRY_MARGIN_SECONDS = 10;

  private final Credentials credentials;
  private final Clock clock;
  private final Predicate<URI> mayCarryCredentials;
  private final Map<String, Challenge> challenges = new HashMap<>();
  private final Map<String, Token> tokens = new HashMap<>();
  private final Map<String, Optional<Credentials.Basic>> found = new HashMap<>();
  private Transport transport;

  private record Token(String header, Instant expires) {}

  Authenticator(Credentials credentials, Clock clock, Predicate<URI> mayCarryCredentials) {
    this.credentials = credentials;
    this.clock = clock;
    this.mayCarryCredentials = mayCarryCredentials;
  }

  void use(Transport owner) {
    this.transport = owner;
  }

  /**
   * The Authorization header to send first, from what earlier challenges taught; empty when none.
   */
  synchronized Optional<String> header(String registry, String scope, URI uri) throws IOException {
    Challenge challenge = challenges.get(registry);
    if (challenge == null) {
      return Optional.empty();
    }
    Token token = tokens.get(registry + " " + scope);
    if (challenge.bearer() && token != null && token.expires().isAfter(clock.instant())) {
      return Optional.of(token.header());
    }
    return answer(registry, scope, challenge, uri, false);
  }

  /** Learns a challenge and returns the header that answers it (a fresh token for Bearer). */
  synchronized Optional<String> challenged(
      String registry, String scope, Challenge challenge, URI uri) throws IOException {
    challenges.put(registry, challenge);
    tokens.remove(registry + " " + scope);
    return answer(registry, scope, challenge, uri, true);
  }

  synchronized boolean hasCredentials(String registry) {
    try {
      return find(registry).isPresent();
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * The credentials for a registry, looked up once (a credential helper runs at most once per
   * registry).
   */
  private Optional<Credentials.Basic> find(String registry) throws IOException {
    Optional<Credentials.Basic> basic = found.get(registry);
    if (basic == null) {
      basic = credentials.find(registry);
      found.put(registry, basic);
    }
    return basic;
  }

  /**
   * The header for a challenge. A fresh challenge's own scope is asked for; a remembered one (from
   * another request) is answered with this request's scope.
   */
  private Optional<String> answer(
      String registry, String scope, Challenge challenge, URI uri, boolean fresh)
      throws IOException {
    if (challenge.basic()) {
      return mayCarryCredentials.test(uri)
          ? find(registry).map(Authenticator::basic)
          : Optional.empty();
    }
    if (!challenge.bearer() || challenge.param("realm") == null) {
      return Optional.empty();
    }
    String wanted = fresh && challenge.param("scope") != null ? challenge.param("scope") : scope;
    Token token = fetchToken(registry, wanted, challenge);
    tokens.put(registry + " " + scope, token);
    return Optional.of(token.header());
  }

  private Token fetchToken(String registry, String wanted, Challenge challenge) throws IOException {
    URI realm;
    try {
      realm = URI.create(challenge.param("realm"));
    } catch (IllegalArgumentException e) {
      throw new RegistryException(
          "registry " + registry + ": its auth challenge names an invalid realm", 401, "");
    }
    if (realm.getScheme() == null || !realm.getScheme().matches("https?")) {
      throw new RegistryException(
          "registry " + registry + ": its auth challenge realm is not http(s): " + realm, 401, "");
    }
    StringBuilder query = new StringBuilder();
    String service = challenge.param("service");
    if (service != null) {
      query.append("service=").append(URLEncoder.encode(service, StandardCharsets.UTF_8));
    }
    for (String s : wanted.split(" ", -1)) {
      if (s.isEmpty()) {
        continue;
      }
      query
          .append(query.length() > 0 ? "&" : "")
          .append("scope=")
          .append(URLEncoder.encode(s, StandardCharsets.UTF_8));
    }
    String base = realm.toString();
    URI uri = URI.create(base + (base.contains("?") ? "&" : "?") + query);
    String authorization =
        mayCarryCredentials.test(uri)
            ? find(registry).map(Authenticator::basic).orElse(null)
            : null;
    Transport.Call call =
        new Transport.Call(
            registry, "GET", uri, Map.of("Accept", "application/json"), null, null, authorization);
    try (Response response = transport.send(call)) {
      if (response.status() != 200) {
        throw transport.error(call, response, "token request for " + wanted);
      }
      JsonNode json =
          OciJson.MAPPER.readTree(
              response.readAll(1 << 20, "token response from " + realm.getHost()));
      String token = json.path("token").asText(json.path("access_token").asText(""));
      if (token.isEmpty()) {
        throw new RegistryException(
            "registry " + registry + ": token response from " + realm.getHost() + " has no token",
            response.status(),
            "");
      }
      long seconds = json.path("expires_in").asLong(DEFAULT_TOKEN_SECONDS);
      Instant expires = clock.instant().plusSeconds(Math.max(seconds - EXPIRY_MARGIN_SECONDS, 1));
      dev.hoist.oci.Secrets.register(token);
      return new Token("Bearer " + token, expires);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new RegistryException(
          "registry " + registry + ": token response from " + realm.getHost() + " is not JSON",
          200,
          "");
    } catch (RegistryException | java.io.InterruptedIOException e) {
      throw e;
    } catch (IOException e) {
      // already retried by the transport: do not let the caller's retry loop multiply the attempts
      throw new RegistryException(e.getMessage(), 0, "");
    }
  }

  static String basic(Credentials.Basic basic) {
    String pair = basic.username() + ":" + basic.password();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }
}
