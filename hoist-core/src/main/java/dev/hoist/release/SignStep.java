package dev.hoist.release;

import dev.hoist.oci.Digest;
import dev.hoist.oci.Repository;
import dev.hoist.run.Progress;
import dev.hoist.sign.Signer;
import dev.hoist.sign.SigningKey;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * With a signing key ({@code --sign-key}, else hoist.yaml's {@code sign.key}), signs every
 * published image, each image's SBOM and the artifact by digest (the digest the destination holds,
 * never a tag), in cosign's format in the same repository ({@code sha256-<hex>.sig}), which Flux's
 * {@code OCIRepository.spec.verify} checks.
 */
final class SignStep {
  private SignStep() {}

  /** What was published and gets signed; the artifact lives in {@code artifactRepository}. */
  record Signed(
      List<ReleaseResult.Image> images,
      List<ReleaseResult.Sbom> sboms,
      List<ReleaseResult.Artifact> artifacts,
      String artifactRepository) {}

  static List<ReleaseResult.Signature> run(
      Optional<SigningKey> key,
      Signed published,
      Publishing publishing,
      Pushed pushed,
      Progress progress)
      throws IOException {
    List<ReleaseResult.Signature> signatures = new ArrayList<>();
    if (key.isEmpty()) {
      return signatures;
    }
    List<Target> targets = new ArrayList<>();
    for (ReleaseResult.Image image : published.images()) {
      targets.add(new Target(image.name(), Digest.parse(image.digest())));
    }
    // each image's SBOM too: a referrer in the image's repository, signed by its own digest
    for (ReleaseResult.Sbom sbom : published.sboms()) {
      String app =
          published.images().stream()
              .filter(i -> sbom.image().equals(i.ref()))
              .map(ReleaseResult.Image::name)
              .findFirst()
              .orElseThrow();
      targets.add(new Target(app, Digest.parse(sbom.sbom())));
    }
    for (ReleaseResult.Artifact artifact : published.artifacts()) {
      targets.add(new Target(published.artifactRepository(), Digest.parse(artifact.digest())));
    }
    for (Target target : targets) {
      Repository repo = publishing.repository(target.path());
      Digest signature = Signer.sign(repo, target.digest(), key.get());
      String signed = repo.name() + "@" + target.digest();
      signatures.add(new ReleaseResult.Signature(signed, signature.toString()));
      pushed.add("signature of " + signed);
      progress.say("signed " + signed + " (" + signature + ")");
    }
    return signatures;
  }

  /** A digest to sign in the repository at {@code path} of the destination. */
  private record Target(String path, Digest digest) {}
}
