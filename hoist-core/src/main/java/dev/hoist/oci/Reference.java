package dev.hoist.oci;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parsed image or artifact reference: {@code [oci://]host[:port]/path[:tag][@sha256:...]}.
 *
 * <p>A first path component without {@code .} or {@code :} that is not {@code localhost} is a
 * Docker Hub name: the registry is {@code docker.io} and single names get the {@code library/}
 * prefix.
 */
public final class Reference {
  /** Docker Hub, the registry of names without a host. */
  public static final String DOCKER_HUB = "docker.io";

  private static final String COMPONENT = "[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*";
  private static final Pattern REPOSITORY = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern HOST =
      Pattern.compile(
          "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
              + "|\\[[0-9a-fA-F:.]+\\])(?::[0-9]{1,5})?");
  private static final int MAX_NAME = 255;

  private final String registry;
  private final String repository;
  private final String tag;
  private final Digest digest;

  private Reference(String registry, String repository, String tag, Digest digest) {
    this.registry = registry;
    this.repository = repository;
    this.tag = tag;
    this.digest = digest;
  }

  /** Parses a reference; throws a one-line {@link IllegalArgumentException} naming the value. */
  public static Reference parse(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("invalid reference: empty");
    }
    String rest = value.startsWith("oci://") ? value.substring("oci://".length()) : value;
    Digest digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      try {
        digest = Digest.parse(rest.substring(at + 1));
      } catch (IllegalArgumentException e) {
        throw invalid(value, "bad digest '" + rest.substring(at + 1) + "'");
      }
      rest = rest.substring(0, at);
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (!TAG.matcher(tag).matches()) {
        throw invalid(value, "bad tag '" + tag + "'");
      }
    }
    String registry;
    String repository;
    int slash = rest.indexOf('/');
    String first = slash < 0 ? rest : rest.substring(0, slash);
    if (slash >= 0 && (first.contains(".") || first.contains(":") || first.equals("localhost"))) {
      registry = first;
      repository = rest.substring(slash + 1);
      if (!HOST.matcher(registry).matches()) {
        throw invalid(value, "bad registry '" + registry + "'");
      }
      if (registry.equals(DOCKER_HUB) && !repository.contains("/")) {
        repository = "library/" + repository;
      }
    } else {
      registry = DOCKER_HUB;
      repository = slash < 0 ? "library/" + rest : rest;
    }
    if (!REPOSITORY.matcher(repository).matches() || repository.length() > MAX_NAME) {
      throw invalid(
          value,
          "bad repository '" + repository + "' (lowercase letters, digits, separators . _ __ -)");
    }
    return new Reference(registry, repository, tag, digest);
  }

  /** Whether {@code tag} is a valid tag: {@code [\w][\w.-]{0,127}}. */
  /** Whether {@code tag} is an OCI tag ({@code [A-Za-z0-9_][A-Za-z0-9._-]{0,127}}). */
  public static boolean validTag(String tag) {
    return tag != null && TAG.matcher(tag).matches();
  }

  /** A tag or digest for a request path, checked so it cannot change the path; throws naming it. */
  static String checkedTagOrDigest(String reference) {
    if (reference.contains(":")) {
      return Digest.parse(reference).toString();
    }
    if (!validTag(reference)) {
      throw new IllegalArgumentException("invalid tag '" + reference + "'");
    }
    return reference;
  }

  /** A reference to the same repository with another tag (and no digest). */
  public Reference withTag(String newTag) {
    return parse(registry + "/" + repository + ":" + newTag);
  }

  /** A reference to the same repository and tag pinned to a digest. */
  public Reference withDigest(Digest newDigest) {
    return new Reference(registry, repository, tag, Objects.requireNonNull(newDigest, "digest"));
  }

  private static IllegalArgumentException invalid(String value, String why) {
    return new IllegalArgumentException("invalid reference '" + value + "': " + why);
  }

  /** {@code host[:port]}, {@code docker.io} for Docker Hub names. */
  public String registry() {
    return registry;
  }

  /** The repository path inside the registry, e.g. {@code team/app}. */
  public String repository() {
    return repository;
  }

  public Optional<String> tag() {
    return Optional.ofNullable(tag);
  }

  public Optional<Digest> digest() {
    return Optional.ofNullable(digest);
  }

  /** What to ask the registry for: the digest when present, else the tag, else {@code latest}. */
  public String manifestReference() {
    return digest != null ? digest.toString() : tag != null ? tag : "latest";
  }

  /** {@code registry/repository}, without tag or digest. */
  public String name() {
    return registry + "/" + repository;
  }

  @Override
  public String toString() {
    return name() + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Reference r && r.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
