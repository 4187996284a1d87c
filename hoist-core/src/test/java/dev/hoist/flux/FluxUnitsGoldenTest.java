package dev.hoist.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** One golden file per kind and option, as {@code flux create … --export} writes them. */
class FluxUnitsGoldenTest {
  private static final String DIGEST =
      "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  private static ClusterUnit app(RefPolicy ref) {
    return new ClusterUnit(
        "prod",
        "shop",
        null,
        "oci://ghcr.io/acme/manifests/shop",
        ref,
        Duration.ofMinutes(5),
        null,
        "overlays/prod",
        true,
        true);
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      out.put((String) kv[i], kv[i + 1]);
    }
    return out;
  }

  @Test
  void appSourceOptionsWithKeylessVerification() throws Exception {
    Map<String, Object> source =
        map(
            "provider",
            "aws",
            "secretRef",
            map("name", "ecr-pull"),
            "insecure",
            true,
            "layerSelector",
            map(
                "mediaType",
                "application/vnd.cncf.flux.content.v1.tar+gzip",
                "operation",
                "extract"),
            "verify",
            map(
                "matchOIDCIdentity",
                List.of(
                    map(
                        "issuer",
                        "^https://token.actions.githubusercontent.com$",
                        "subject",
                        "^https://github.com/acme/shop/.github/workflows/release.yaml@refs/tags/v.*$"))));
    Golden.assertGolden(
        "app-source-options",
        FluxObjects.render(
            new FluxUnit.App(
                app(new RefPolicy.Semver(">=1.0.0", null)), source, Map.of(), List.of())));
  }

  @Test
  void appVerifiedWithAKeyAndPinnedByDigest() throws Exception {
    Map<String, Object> source =
        map(
            "provider",
            "gcp",
            "verify",
            map("provider", "cosign", "secretRef", map("name", "cosign-pub")));
    Golden.assertGolden(
        "app-verify-key",
        FluxObjects.render(
            new FluxUnit.App(app(new RefPolicy.DigestRef(DIGEST)), source, Map.of(), List.of())));
  }

  @Test
  void appKustomizationOptions() throws Exception {
    Map<String, Object> kustomization =
        map(
            "prune", false,
            "healthChecks",
                List.of(
                    map(
                        "apiVersion",
                        "apps/v1",
                        "kind",
                        "Deployment",
                        "name",
                        "shop",
                        "namespace",
                        "shop")),
            "timeout", Duration.ofMinutes(3),
            "retryInterval", Duration.ofSeconds(90),
            "targetNamespace", "shop",
            "serviceAccountName", "shop-reconciler",
            "postBuild",
                map(
                    "substitute",
                    map("cluster", "prod", "replicas", "3"),
                    "substituteFrom",
                    List.of(
                        map("kind", "ConfigMap", "name", "cluster-vars"),
                        map("kind", "Secret", "name", "cluster-secrets", "optional", true))),
            "decryption", map("provider", "sops", "secretRef", map("name", "sops-age")),
            "patches",
                List.of(
                    map(
                        "patch",
                        "- op: replace\n  path: /spec/replicas\n  value: 3\n",
                        "target",
                        map("kind", "Deployment", "name", "shop"))),
            "components", List.of("../../components/tracing"));
    Golden.assertGolden(
        "app-kustomization-options",
        FluxObjects.render(
            new FluxUnit.App(
                app(new RefPolicy.Tag("1.2.3")),
                Map.of(),
                kustomization,
                List.of("ingress-nginx", "cert-manager"))));
  }

  @Test
  void helmReleaseFromAnHttpsRepositoryWithEveryReleaseOption() throws Exception {
    Map<String, Object> release =
        map(
            "releaseName", "ingress",
            "targetNamespace", "ingress-nginx",
            "timeout", Duration.ofMinutes(10),
            "values",
                map(
                    "controller",
                    map("replicaCount", 2L, "service", map("type", "LoadBalancer")),
                    "enabled",
                    true,
                    "version",
                    "1.0"),
            "valuesFrom",
                List.of(
                    map(
                        "kind",
                        "Secret",
                        "name",
                        "ingress-values",
                        "valuesKey",
                        "extra.yaml",
                        "targetPath",
                        "controller.extraArgs",
                        "optional",
                        true)),
            "install", map("createNamespace", true, "remediation", map("retries", 3L)),
            "upgrade", map("remediation", map("retries", 3L, "remediateLastFailure", true)),
            "driftDetection", map("mode", "enabled"));
    FluxUnit.Helm unit =
        new FluxUnit.Helm(
            "ingress-nginx",
            null,
            Duration.ofMinutes(30),
            new FluxUnit.RepositoryChart(
                "https://kubernetes.github.io/ingress-nginx",
                "ingress-nginx",
                ">=4.0.0 <5.0.0",
                null,
                Map.of()),
            release,
            List.of(),
            List.of());
    Golden.assertGolden("helm-repository", HelmObjects.render(unit));
  }

  @Test
  void helmReleaseFromAnOciHelmRepository() throws Exception {
    FluxUnit.Helm unit =
        new FluxUnit.Helm(
            "mongodb",
            "databases",
            null,
            new FluxUnit.RepositoryChart(
                "oci://registry-1.docker.io/bitnamicharts",
                "mongodb",
                "*",
                "Revision",
                map("secretRef", map("name", "dockerhub"), "provider", "generic")),
            Map.of(),
            List.of(),
            List.of());
    Golden.assertGolden("helm-oci-repository", HelmObjects.render(unit));
  }

  @Test
  void helmReleaseFromAnOciChartArtifact() throws Exception {
    FluxUnit.Helm unit =
        new FluxUnit.Helm(
            "cert-manager",
            null,
            Duration.ofHours(1),
            new FluxUnit.OciChart(
                "oci://quay.io/jetstack/charts/cert-manager",
                new RefPolicy.Tag("v1.16.1"),
                map(
                    "verify",
                    map(
                        "matchOIDCIdentity",
                        List.of(
                            map(
                                "issuer",
                                "^https://accounts.google.com$",
                                "subject",
                                "^.*@jetstack.io$"))))),
            map("values", map("crds", map("enabled", true))),
            List.of(),
            List.of("cert-manager-issuers"));
    Golden.assertGolden("helm-chart-oci", HelmObjects.render(unit));
  }

  @Test
  void aLaterPhaseIsAWatchedConfigMapOfValues() throws Exception {
    FluxUnit.Phase phase =
        new FluxUnit.Phase(
            "mongodb-search",
            null,
            null,
            "databases",
            map("search", map("enabled", true, "replicas", 1L)),
            List.of("mongodb"));
    Golden.assertGolden("phase", HelmObjects.render(phase));
  }

  @Test
  void clusterLayoutWrapsHelmUnitsInKustomizations() throws Exception {
    FluxUnit.Helm db =
        new FluxUnit.Helm(
            "mongodb",
            null,
            null,
            new FluxUnit.RepositoryChart(
                "oci://registry-1.docker.io/bitnamicharts", "mongodb", null, null, Map.of()),
            map("timeout", Duration.ofMinutes(15)),
            List.of(),
            List.of("mongodb-search"));
    FluxUnit.Phase search =
        new FluxUnit.Phase(
            "mongodb-search",
            "data",
            null,
            "flux-system",
            map("search", map("enabled", true)),
            List.of("mongodb"));
    FluxUnit.App shop =
        new FluxUnit.App(
            app(new RefPolicy.Tag("latest")), Map.of(), Map.of(), List.of("mongodb-search"));
    SortedMap<String, String> files =
        ClusterLayout.render(
            "prod",
            List.of(shop, db, search),
            new ClusterLayout.FluxSource("GitRepository", "flux-system", "flux-system", "./fleet"));
    assertEquals(
        List.of(
            "kustomization.yaml",
            "mongodb-search.yaml",
            "mongodb-search/kustomization.yaml",
            "mongodb-search/values.yaml",
            "mongodb.yaml",
            "mongodb/kustomization.yaml",
            "mongodb/release.yaml",
            "shop.yaml"),
        List.copyOf(files.keySet()));
    for (Map.Entry<String, String> file : files.entrySet()) {
      Golden.assertGolden("layout/" + file.getKey().replaceFirst("\\.yaml$", ""), file.getValue());
    }
  }
}
