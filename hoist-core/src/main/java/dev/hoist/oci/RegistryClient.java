package dev.hoist.oci;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * hoist's OCI distribution client: its {@link HttpClients} (one for HTTPS, one for plain HTTP, each
 * made when first needed), credentials, options and {@link UploadMemory}, shared by the {@link
 * RegistryRepository repositories} it hands out (so pushes from one process reuse connections and
 * mount blobs pushed before).
 *
 * <p>Registries are reached over HTTPS. Plain HTTP is used only for registries named with {@link
 * Builder#insecureRegistry} and, when {@link Builder#insecure} is set, for loopback registries
 * ({@code localhost}, {@code 127.0.0.0/8}, {@code [::1]}). {@code docker.io} is reached at {@code
 * registry-1.docker.io}.
 */
public final class RegistryClient {
  private final Transport transport;
  private final UploadMemory memory = new UploadMemory();
  private final boolean insecureLoopback;
  private final Set<String> insecureRegistries;
  private final boolean privateUploadLocations;

  private RegistryClient(Builder b) {
    this.insecureLoopback = b.insecure;
    this.insecureRegistries = Set.copyOf(b.insecureRegistries);
    this.privateUploadLocations = b.privateUploadLocations;
    Authenticator auth =
        new Authenticator(
            b.credentials,
            b.retry.clock,
            uri -> "https".equalsIgnoreCase(uri.getScheme()) || plainHttp(authority(uri)));
    this.transport =
        new Transport(
            new HttpClients(),
            b.retry,
            b.requestTimeout,
            b.answerTimeout,
            new Budget(b.timeout == null ? Budget.configured() : b.timeout),
            auth,
            b.log,
            b.observer);
  }

  /**
   * Parses a time budget as {@code --timeout} takes it ({@code 90s}, {@code 10m}, {@code 1h30m});
   * throws {@link IllegalArgumentException} saying how to write one.
   */
  public static Duration parseTimeout(String text) {
    return Budget.parse(text);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Closes the HTTP clients of every registry client made in this JVM, and their threads: for a
   * host that runs hoist and then exits, when no hoist call is running any more (the Maven plugin,
   * after its last goal). Otherwise the exit waits 300 ms: HotSpot waits that long for threads in
   * native code, and java.net.http's selector threads sit in {@code epoll_wait} until their client
   * is closed or collected. A registry client is unusable afterwards. Returns how many HTTP clients
   * were closed.
   */
  public static int closeAll() {
    return HttpClients.closeAll();
  }

  /** The repository a reference names (its tag and digest are ignored). */
  public RegistryRepository repository(Reference reference) {
    return new RegistryRepository(
        transport,
        memory,
        base(reference.registry()),
        reference.registry(),
        reference.repository(),
        privateUploadLocations);
  }

  /**
   * The repository {@code host[:port]/path} (an {@code oci://} prefix, tag or digest is ignored).
   */
  public RegistryRepository repository(String name) {
    return repository(Reference.parse(name));
  }

  URI base(String registry) {
    String host = registry.equals(Reference.DOCKER_HUB) ? "registry-1.docker.io" : registry;
    return URI.create((plainHttp(registry) ? "http" : "https") + "://" + host);
  }

  boolean plainHttp(String registry) {
    String r = registry.toLowerCase(Locale.ROOT);
    if (insecureRegistries.contains(r)) {
      return true;
    }
    String host =
        r.startsWith("[")
            ? r.substring(0, r.indexOf(']') + 1)
            : r.contains(":") ? r.substring(0, r.indexOf(':')) : r;
    if (insecureRegistries.contains(host)) {
      return true;
    }
    return insecureLoopback
        && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
  }

  private static String authority(URI uri) {
    return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }

  /** Options for a {@link RegistryClient}. */
  public static final class Builder {
    private Credentials credentials = Credentials.none();
    private boolean insecure;
    private final Set<String> insecureRegistries = new HashSet<>();
    private Duration requestTimeout = Duration.ofMinutes(5);
    private Duration answerTimeout = Duration.ofSeconds(60);
    private Duration timeout;
    private boolean privateUploadLocations = UploadLocation.optedIn();
    private RetryPolicy retry = RetryPolicy.standard();
    private Consumer<String> log = message -> {};
    private Consumer<HttpRequest> observer = request -> {};

    private Builder() {}

    public Builder credentials(Credentials value) {
      this.credentials = Objects.requireNonNull(value, "credentials");
      return this;
    }

    /** Use plain HTTP for loopback registries (localhost, 127.0.0.0/8, [::1]). */
    public Builder insecure(boolean value) {
      this.insecure = value;
      return this;
    }

    /** Use plain HTTP for this registry ({@code host} or {@code host:port}). */
    public Builder insecureRegistry(String registry) {
      insecureRegistries.add(registry.toLowerCase(Locale.ROOT));
      return this;
    }

    /**
     * Follow upload locations on other hosts over plain HTTP and to private, loopback or link-local
     * addresses (default: {@code HOIST_ALLOW_PRIVATE_UPLOAD_LOCATIONS=true} in the environment).
     */
    public Builder privateUploadLocations(boolean value) {
      this.privateUploadLocations = value;
      return this;
    }

    /**
     * The time limit of each upload (a request with a body; default 5 minutes: blobs can be large).
     */
    public Builder requestTimeout(Duration value) {
      this.requestTimeout = Objects.requireNonNull(value, "requestTimeout");
      return this;
    }

    /**
     * The budget of all this client's requests, retries and waits included (default: {@code
     * hoist.timeout}, {@code HOIST_TIMEOUT}, else 10 minutes), counted from {@link #build}.
     */
    public Builder timeout(Duration value) {
      this.timeout = Objects.requireNonNull(value, "timeout");
      return this;
    }

    /** How long a request without a body waits for its answer to begin (default 60 s). */
    public Builder answerTimeout(Duration value) {
      this.answerTimeout = Objects.requireNonNull(value, "answerTimeout");
      return this;
    }

    /** Where retry notices go (one line each, never with credentials); silent by default. */
    public Builder log(Consumer<String> value) {
      this.log = Objects.requireNonNull(value, "log");
      return this;
    }

    Builder retry(RetryPolicy value) {
      this.retry = value;
      return this;
    }

    Builder observer(Consumer<HttpRequest> value) {
      this.observer = value;
      return this;
    }

    public RegistryClient build() {
      return new RegistryClient(this);
    }
  }
}
