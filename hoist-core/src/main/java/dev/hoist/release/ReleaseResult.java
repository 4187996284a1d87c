package dev.hoist.release;

import java.util.List;

/**
 * What a release produced (or, for a dry run, would produce).
 *
 * @param revision Flux's revision string {@code <tag>@sha1:<commit>}
 * @param flux the Flux files written, relative to the project root
 * @param commit the Flux files this release wrote (a dry run: would write) whose content differs
 *     from the work tree: what the release workflow commits
 * @param signatures the cosign signatures made (with a signing key), one per image and artifact
 * @param sboms each image's CycloneDX SBOM, attached to it as an OCI referrer
 */
public record ReleaseResult(
    String version,
    String revision,
    List<Image> images,
    List<Artifact> artifacts,
    List<String> flux,
    List<String> commit,
    boolean dryRun,
    List<Signature> signatures,
    List<Sbom> sboms) {

  public ReleaseResult {
    images = List.copyOf(images);
    artifacts = List.copyOf(artifacts);
    flux = List.copyOf(flux);
    commit = List.copyOf(commit);
    signatures = List.copyOf(signatures);
    sboms = List.copyOf(sboms);
  }

  /** An image's SBOM: the image ({@code repository@sha256:…}) and the SBOM's referrer manifest. */
  public record Sbom(String image, String sbom) {}

  /** A signature: what was signed ({@code repository@sha256:…}) and the signature manifest. */
  public record Signature(String signed, String signature) {}

  /** A built image: {@code ref} is {@code <repository>@sha256:…}. */
  public record Image(String name, String ref, String digest, List<String> tags) {}

  /** A pushed manifests artifact: {@code url} is {@code oci://<repository>}. */
  public record Artifact(String name, String url, List<String> tags, String digest) {}
}
