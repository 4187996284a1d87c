package dev.hoist.oci;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The two {@link HttpClient}s of a {@link RegistryClient}, each built when first needed (connect
 * timeout 10 s, no automatic redirects): one for HTTPS with the default TLS context, one for plain
 * HTTP that never builds a TLS context (loading the CA store costs a CLI run 100+ ms) and runs its
 * few internal tasks on the calling threads instead of handing each over to a pool (a few ms less
 * per request). Requests are routed by the scheme of their URI, so the plain client never sees an
 * {@code https} URI.
 */
final class HttpClients {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Every client made in this JVM that may still be open (a client nobody holds goes). */
  private static final Set<HttpClient> MADE =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  private HttpClient plain;
  private HttpClient tls;

  /** The client for {@code uri}'s scheme. */
  synchronized HttpClient forUri(URI uri) {
    if ("https".equalsIgnoreCase(uri.getScheme())) {
      if (tls == null) {
        tls =
            made(
                HttpClient.newBuilder()
                    .connectTimeout(CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build());
      }
      return tls;
    }
    if (plain == null) {
      plain =
          made(
              HttpClient.newBuilder()
                  .connectTimeout(CONNECT_TIMEOUT)
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .version(HttpClient.Version.HTTP_1_1)
                  .sslContext(new NoTls())
                  .sslParameters(new SSLParameters())
                  .executor(Runnable::run)
                  .build());
    }
    return plain;
  }

  private static HttpClient made(HttpClient client) {
    MADE.add(client);
    return client;
  }

  /**
   * Closes every client made in this JVM, for a host that is about to exit (see {@link
   * RegistryClient#closeAll()}); returns how many. On JDK 21 and later {@code HttpClient} is {@code
   * AutoCloseable}: its {@code close()} waits for running exchanges, then stops the client. JDK 17
   * cannot close one; its selector thread ({@code HttpClient-<id>-SelectorManager}, the id being
   * what the client's {@code toString()} ends with in parentheses, as the JDK's own tests compute
   * it) is interrupted, which ends its selector loop.
   */
  static int closeAll() {
    List<HttpClient> clients;
    synchronized (MADE) {
      clients = new ArrayList<>(MADE);
      MADE.clear();
    }
    Set<String> selectors = new HashSet<>();
    for (HttpClient client : clients) {
      if (client instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          // closing is best effort: the JVM is about to exit
        }
      } else {
        Matcher id = CLIENT_ID.matcher(client.toString());
        if (id.find()) {
          selectors.add("HttpClient-" + id.group(1) + "-SelectorManager");
        }
      }
    }
    if (!selectors.isEmpty()) {
      for (Thread thread : Thread.getAllStackTraces().keySet()) {
        if (selectors.contains(thread.getName())) {
          thread.interrupt();
        }
      }
    }
    return clients.size();
  }

  private static final Pattern CLIENT_ID = Pattern.compile("\\((\\d+)\\)$");

  /**
   * A TLS context that cannot make a connection: the plain-HTTP client needs one, never uses it.
   */
  private static final class NoTls extends SSLContext {
    NoTls() {
      super(new Spi(), null, "none");
    }
  }

  private static final class Spi extends SSLContextSpi {
    private static UnsupportedOperationException refused() {
      return new UnsupportedOperationException("TLS through the plain-HTTP client");
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) {
      // nothing to set up
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      throw refused();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      throw refused();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      throw refused();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      throw refused();
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      throw refused();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      throw refused();
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
      return new SSLParameters();
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
      return new SSLParameters();
    }
  }
}
