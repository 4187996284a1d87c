package dev.hoist.preview;

import dev.hoist.testing.RealParts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What the Flux tests install and apply: the real Flux 2.9 CRDs and an app's two Flux objects. */
final class FluxFixtures {
  private FluxFixtures() {}

  /** The flux-system namespace and every CRD of ../shared/flux-crds, as one stream. */
  static String installManifests() throws Exception {
    StringBuilder yaml =
        new StringBuilder("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: flux-system\n");
    try (Stream<Path> files = Files.list(RealParts.shared("flux-crds"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        yaml.append("---\n").append(Files.readString(f));
      }
    }
    return yaml.toString();
  }

  /** An OCIRepository and a Kustomization named hello, as a preview applies them. */
  static final String APP_OBJECTS =
      """
      apiVersion: source.toolkit.fluxcd.io/v1
      kind: OCIRepository
      metadata: {name: hello, namespace: flux-system}
      spec: {interval: 1m0s, insecure: true, ref: {tag: preview}, url: oci://hoist-registry:5000/hello/manifests/hello}
      ---
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata: {name: hello, namespace: flux-system}
      spec: {interval: 1m0s, path: ./overlays/dev, prune: true, sourceRef: {kind: OCIRepository, name: hello}}
      """;
}
