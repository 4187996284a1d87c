package dev.hoist.release;

import dev.hoist.oci.Digest;
import dev.hoist.oci.Repository;
import dev.hoist.sign.Signer;
import java.io.IOException;

/**
 * With a signing key ({@code --sign-key}, else hoist.yaml's {@code sign.key}), signs every
 * published image, each image's SBOM and the artifact by digest (the digest the destination holds,
 * never a tag), in cosign's format in the same repository ({@code sha256-<hex>.sig}), which Flux's
 * {@code OCIRepository.spec.verify} checks.
 */
final class SignStep implements Step {
  @Override
  public String name() {
    return "sign";
  }

  @Override
  public void run(ReleaseContext ctx) throws IOException {
    if (ctx.signingKey == null) {
      return;
    }
    for (ReleaseResult.Image image : ctx.images) {
      sign(ctx, ctx.publishing.repository(image.name()), Digest.parse(image.digest()));
    }
    // each image's SBOM too: a referrer in the image's repository, signed by its own digest
    for (ReleaseResult.Sbom sbom : ctx.sboms) {
      String app =
          ctx.images.stream()
              .filter(i -> sbom.image().equals(i.ref()))
              .map(ReleaseResult.Image::name)
              .findFirst()
              .orElseThrow();
      sign(ctx, ctx.publishing.repository(app), Digest.parse(sbom.sbom()));
    }
    for (ReleaseResult.Artifact artifact : ctx.artifacts) {
      sign(
          ctx,
          ctx.publishing.repository(ctx.config.artifactRepository()),
          Digest.parse(artifact.digest()));
    }
  }

  private static void sign(ReleaseContext ctx, Repository repo, Digest digest) throws IOException {
    Digest signature = Signer.sign(repo, digest, ctx.signingKey);
    ctx.signatures.add(
        new ReleaseResult.Signature(repo.name() + "@" + digest, signature.toString()));
    ctx.pushed.add("signature of " + repo.name() + "@" + digest);
    ctx.progress.say("signed " + repo.name() + "@" + digest + " (" + signature + ")");
  }
}
