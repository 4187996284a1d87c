package dev.hoist.oci;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials from a Docker {@code config.json}: a per-registry {@code credHelpers} entry, else the
 * {@code credsStore} helper, else {@code auths} ({@code auth} base64 {@code user:pass}, or {@code
 * username}/{@code password}). The file is read once, when first needed; a missing file means none.
 */
final class DockerConfig implements Credentials {
  private static final String HUB_SERVER = "https://index.docker.io/v1/";
  private static final List<String> HUB_ALIASES =
      List.of("docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com");

  private final Path file;
  private final Map<String, String> env;
  private JsonNode config;

  DockerConfig(Path file, Map<String, String> env) {
    this.file = file;
    this.env = env;
  }

  @Override
  public synchronized Optional<Basic> find(String registry) throws IOException {
    JsonNode root = config();
    String helper = entry(root.path("credHelpers"), registry).map(JsonNode::asText).orElse(null);
    if (helper == null && root.path("credsStore").isTextual()) {
      helper = root.path("credsStore").asText();
    }
    if (helper != null && !helper.isBlank()) {
      String server = HUB_ALIASES.contains(registry) ? HUB_SERVER : registry;
      Optional<Basic> found = CredentialHelper.get(helper, server, env);
      if (found.isPresent()) {
        return found;
      }
    }
    Optional<JsonNode> auth = entry(root.path("auths"), registry);
    return auth.isPresent() ? fromAuth(auth.get()) : Optional.empty();
  }

  private Optional<Basic> fromAuth(JsonNode auth) throws CredentialException {
    String encoded = auth.path("auth").asText("");
    if (!encoded.isEmpty()) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new CredentialException(
            file + ": an auths entry has an 'auth' value that is not base64");
      }
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        throw new CredentialException(file + ": an auths entry's 'auth' is not user:password");
      }
      return Optional.of(new Basic(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }
    String user = auth.path("username").asText("");
    String password = auth.path("password").asText("");
    return user.isEmpty() || password.isEmpty()
        ? Optional.empty()
        : Optional.of(new Basic(user, password));
  }

  /**
   * The field of {@code object} whose key names {@code registry} (with or without scheme and path).
   */
  private static Optional<JsonNode> entry(JsonNode object, String registry) {
    boolean hub = HUB_ALIASES.contains(registry);
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      String host = hostOf(field.getKey());
      if (host.equals(registry) || (hub && HUB_ALIASES.contains(host))) {
        return Optional.of(field.getValue());
      }
    }
    return Optional.empty();
  }

  static String hostOf(String key) {
    String k = key.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
    int slash = k.indexOf('/');
    return slash < 0 ? k : k.substring(0, slash);
  }

  private JsonNode config() throws IOException {
    if (config == null) {
      try {
        config = OciJson.MAPPER.readTree(Files.readAllBytes(file));
      } catch (NoSuchFileException e) {
        config = OciJson.MAPPER.createObjectNode();
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new CredentialException(
            file + ": not valid JSON (line " + e.getLocation().getLineNr() + ")");
      }
      if (config == null || !config.isObject()) {
        throw new CredentialException(file + ": expected a JSON object");
      }
    }
    return config;
  }

  @Override
  public String toString() {
    return "DockerConfig[" + file + "]";
  }
}
