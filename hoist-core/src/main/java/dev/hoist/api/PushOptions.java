package dev.hoist.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to push as a Flux OCI artifact, and how (the arguments of {@code hoist artifact push}).
 *
 * @param url {@code oci://repository:tag}
 * @param path the directory or file to pack
 * @param source the source annotation; null for the git remote URL of the checkout holding {@code
 *     path}
 * @param revision the revision annotation; null for {@code <tag or branch>@sha1:<commit>}
 * @param annotations extra manifest annotations (they win over the standard ones)
 * @param reproducible {@code created} = 1970-01-01T00:00:00Z
 * @param ignorePaths gitignore-style patterns replacing the default ignore list; null for the
 *     default
 * @param resolveSymlinks archive the content of symlinks that point inside {@code path}
 * @param force move a version tag that names another artifact
 * @param credentials {@code user:password}, or null for the credential chain
 * @param insecure allow plain HTTP
 * @param signKey sign the pushed manifest by digest with this key ({@code FILE} or {@code
 *     env://VAR}, PKCS#8 PEM, ECDSA P-256), cosign's format; null for no signature
 */
public record PushOptions(
    String url,
    Path path,
    String source,
    String revision,
    Map<String, String> annotations,
    boolean reproducible,
    List<String> ignorePaths,
    boolean resolveSymlinks,
    boolean force,
    String credentials,
    boolean insecure,
    String signKey) {

  public PushOptions {
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    ignorePaths = ignorePaths == null ? null : List.copyOf(ignorePaths);
  }

  /** {@code path} to {@code url} with the defaults of {@code hoist artifact push}. */
  public static PushOptions of(String url, Path path) {
    return new PushOptions(
        url, path, null, null, Map.of(), false, null, false, false, null, false, null);
  }

  public PushOptions source(String source) {
    return new PushOptions(
        url,
        path,
        source,
        revision,
        annotations,
        reproducible,
        ignorePaths,
        resolveSymlinks,
        force,
        credentials,
        insecure,
        signKey);
  }

  public PushOptions revision(String revision) {
    return new PushOptions(
        url,
        path,
        source,
        revision,
        annotations,
        reproducible,
        ignorePaths,
        resolveSymlinks,
        force,
        credentials,
        insecure,
        signKey);
  }

  public PushOptions annotations(Map<String, String> annotations) {
    return new PushOptions(
        url,
        path,
        source,
        revision,
        annotations,
        reproducible,
        ignorePaths,
        resolveSymlinks,
        force,
        credentials,
        insecure,
        signKey);
  }

  public PushOptions reproducible(boolean reproducible) {
    return new PushOptions(
        url,
        path,
        source,
        revision,
        annotations,
        reproducible,
        ignorePaths,
        resolveSymlinks,
        force,
        credentials,
        insecure,
        signKey);
  }

  public PushOptions ignorePaths(List<String> ignorePaths) {
    return new PushOptions(
        url,
        path,
        source,
        revision,
        annotations,
        reproducible,
        ignorePaths,
        resolveSymlinks,
        force,
        credentials,
        insecure,
        signKey);
  }

  public PushOptions resolveSymlinks(boolean resolveSymlinks) {
    return new PushOptions(
        url,
        path,
        source,
        revision,
        annotations,
        reproducible,
        ignorePaths,
        resolveSymlinks,
        force,
        credentials,
        insecure,
        signKey);
  }

  public PushOptions force(boolean force) {
    return new PushOptions(
        url,
        path,
        source,
        revision,
        annotations,
        reproducible,
        ignorePaths,
        resolveSymlinks,
        force,
        credentials,
        insecure,
        signKey);
  }

  public PushOptions credentials(String credentials) {
    return new PushOptions(
        url,
        path,
        source,
        revision,
        annotations,
        reproducible,
        ignorePaths,
        resolveSymlinks,
        force,
        credentials,
        insecure,
        signKey);
  }

  public PushOptions insecure(boolean insecure) {
    return new PushOptions(
        url,
        path,
        source,
        revision,
        annotations,
        reproducible,
        ignorePaths,
        resolveSymlinks,
        force,
        credentials,
        insecure,
        signKey);
  }

  public PushOptions signKey(String signKey) {
    return new PushOptions(
        url,
        path,
        source,
        revision,
        annotations,
        reproducible,
        ignorePaths,
        resolveSymlinks,
        force,
        credentials,
        insecure,
        signKey);
  }
}
