package dev.hoist.api;

import java.util.List;

/**
 * What a release produced (for a dry run: would produce); {@code hoist release -o json} prints it.
 *
 * @param version the released version ({@code 1.2.3}, or {@code 0.0.0-<sha>} for a snapshot)
 * @param revision Flux's revision string {@code <tag>@sha1:<commit>}
 * @param images the images, pinned by digest
 * @param artifacts the manifests artifact (none for a project without overlays)
 * @param flux the Flux files written, relative to the project root
 * @param commit the Flux files this release wrote (a dry run: would write) whose content differs
 *     from the work tree: what the release workflow commits
 * @param dryRun true when nothing was written or pushed
 * @param signatures with a signing key: each image's and the artifact's cosign signature
 * @param sboms each image's CycloneDX SBOM, attached as an OCI referrer
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
  public record Image(String name, String ref, String digest, List<String> tags) {
    public Image {
      tags = List.copyOf(tags);
    }
  }

  /** A pushed manifests artifact: {@code url} is {@code oci://<repository>}. */
  public record Artifact(String name, String url, List<String> tags, String digest) {
    public Artifact {
      tags = List.copyOf(tags);
    }
  }
}
