package dev.hoist.oci;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where registry credentials come from. {@link #defaults} is the chain every hoist command uses:
 * explicit {@code user:pass} ({@code --creds}), then the Docker config ({@code
 * $DOCKER_CONFIG/config.json} or {@code ~/.docker/config.json}: {@code credHelpers}, {@code
 * credsStore}, {@code auths}), then {@code GITHUB_TOKEN} for {@code ghcr.io}.
 */
@FunctionalInterface
public interface Credentials {

  /** The username and password for a registry ({@code host[:port]}), or empty to go anonymous. */
  Optional<Basic> find(String registry) throws IOException;

  /** A username and password (or token). {@link #toString} never shows the password. */
  record Basic(String username, String password) {
    public Basic {
      dev.hoist.oci.Secrets.register(username, password); // never printed nor stored, anywhere
    }

    @Override
    public String toString() {
      return "Basic[username=" + username + ", password=***]";
    }
  }

  /** No credentials: anonymous access everywhere. */
  static Credentials none() {
    return registry -> Optional.empty();
  }

  /**
   * {@code user:pass} for every registry; throws naming the problem (never the password) when
   * malformed.
   */
  static Credentials explicit(String userColonPassword) {
    int colon = userColonPassword == null ? -1 : userColonPassword.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("invalid credentials: expected user:password");
    }
    Basic basic =
        new Basic(userColonPassword.substring(0, colon), userColonPassword.substring(colon + 1));
    return registry -> Optional.of(basic);
  }

  /** The Docker config file named by {@code DOCKER_CONFIG} or {@code HOME} in {@code env}. */
  static Credentials dockerConfig(Map<String, String> env) {
    String dir = env.get("DOCKER_CONFIG");
    Path file =
        dir != null && !dir.isBlank()
            ? Path.of(dir, "config.json")
            : Path.of(
                env.getOrDefault("HOME", System.getProperty("user.home")),
                ".docker",
                "config.json");
    return new DockerConfig(file, env);
  }

  /** {@code GITHUB_TOKEN} from {@code env} for {@code ghcr.io}, with username {@code hoist}. */
  static Credentials githubToken(Map<String, String> env) {
    return registry -> {
      String token = env.get("GITHUB_TOKEN");
      return registry.equals("ghcr.io") && token != null && !token.isBlank()
          ? Optional.of(new Basic("hoist", token))
          : Optional.empty();
    };
  }

  /**
   * The standard chain: {@code explicit} (when not null), Docker config, then {@code GITHUB_TOKEN}.
   */
  static Credentials defaults(String explicitUserColonPassword, Map<String, String> env) {
    Credentials rest = dockerConfig(env).orElse(githubToken(env));
    return explicitUserColonPassword == null
        ? rest
        : explicit(explicitUserColonPassword).orElse(rest);
  }

  /** These credentials, or {@code next}'s when these have none for a registry. */
  default Credentials orElse(Credentials next) {
    return registry -> {
      Optional<Basic> found = find(registry);
      return found.isPresent() ? found : next.find(registry);
    };
  }

  /** These credentials for one registry only (e.g. {@code --creds} for the target registry). */
  default Credentials onlyFor(String onlyRegistry) {
    return registry -> registry.equals(onlyRegistry) ? find(registry) : Optional.empty();
  }
}
