package dev.hoist.overlay;

import dev.hoist.oci.Digest;

/**
 * One {@code NAME=REF} argument of {@code hoist overlay set-image}: the image name the manifests
 * use and what to pull instead. {@code REF} is {@code repo}, {@code repo:tag}, {@code
 * repo@sha256:…} or {@code repo:tag@sha256:…} (the tag and digest are both kept, unlike
 * kustomize#4713); a registry port ({@code host:5000/app}) is not a tag. Without {@code NAME=}, the
 * name is the reference's repository.
 *
 * @param name the {@code images[].name} to edit
 * @param newName the repository, or null when it equals {@code name}
 * @param tag the tag, or null
 * @param digest the digest, or null
 */
public record ImageRef(String name, String newName, String tag, String digest) {
  private static final java.util.regex.Pattern PATH =
      java.util.regex.Pattern.compile(
          "[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*)*");

  public static ImageRef parse(String arg) {
    int eq = arg.indexOf('=');
    String name = eq < 0 ? null : arg.substring(0, eq);
    String ref = eq < 0 ? arg : arg.substring(eq + 1);
    if ((name != null && name.isEmpty()) || ref.isEmpty()) {
      throw new IllegalArgumentException("image " + arg + ": expected NAME=REF");
    }
    String digest = null;
    int at = ref.indexOf('@');
    if (at >= 0) {
      digest = ref.substring(at + 1);
      ref = ref.substring(0, at);
      try {
        Digest.parse(digest);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("image " + arg + ": invalid digest " + digest);
      }
    }
    String tag = null;
    int colon = ref.lastIndexOf(':');
    if (colon > ref.lastIndexOf('/')) {
      tag = ref.substring(colon + 1);
      ref = ref.substring(0, colon);
      if (!tag.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")) {
        throw new IllegalArgumentException("image " + arg + ": invalid tag " + tag);
      }
    }
    if (ref.isEmpty() || ref.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("image " + arg + ": invalid repository");
    }
    int slash = ref.indexOf('/');
    String first = slash < 0 ? "" : ref.substring(0, slash);
    boolean host = first.contains(".") || first.contains(":") || first.equals("localhost");
    String path = host ? ref.substring(slash + 1) : ref;
    if (!PATH.matcher(path).matches()) {
      throw new IllegalArgumentException(
          "image "
              + arg
              + ": invalid repository "
              + path
              + " (lower-case letters, digits and separators . _ __ - between them, as the OCI"
              + " distribution spec requires)");
    }
    if (name == null) {
      name = ref;
    }
    return new ImageRef(name, ref.equals(name) ? null : ref, tag, digest);
  }

  /**
   * Applies this reference to kustomization text (comments, order and other entries kept byte for
   * byte).
   */
  public String applyTo(String kustomizationYamlText) {
    return KustomizationEditor.setImage(kustomizationYamlText, name, newName, tag, digest);
  }
}
