package dev.hoist.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.testing.RealParts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against the real Flux CRDs in ../shared/flux-crds: what hoist writes passes, mistakes are caught.
 */
class ValidationTest {
  private static CrdSchemas crds;
  @TempDir Path dir;

  @BeforeAll
  static void loadCrds() {
    crds = CrdSchemas.load(RealParts.shared("flux-crds"));
  }

  private List<String> problems(String yaml) throws Exception {
    Path file = dir.resolve("objects.yaml");
    Files.writeString(file, yaml);
    return Validation.run(List.of(file), crds).problems().stream()
        .map(p -> p.toString().substring(dir.toString().length() + 1))
        .toList();
  }

  private static final String KUSTOMIZATION =
      """
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: shop
        namespace: flux-system
      spec:
        interval: 5m0s
        path: ./overlays/prod
        prune: true
        sourceRef:
          kind: OCIRepository
          name: shop
      """;

  @Test
  void everyGoldenFileAndTheCommittedLayoutsValidate() {
    Path root = RealParts.repoRoot();
    Validation.Result result =
        Validation.run(
            List.of(root.resolve("hoist-core/src/test/resources/flux"), root.resolve("flux")),
            crds);
    assertEquals(List.of(), result.problems());
    assertTrue(Files.isDirectory(root.resolve("hoist-core/src/test/resources/flux/layout")));
    assertFalse(result.missingCrds());
    assertTrue(result.objects() > 40, "objects: " + result.objects());
  }

  @Test
  void aValidObjectHasNoProblems() throws Exception {
    assertEquals(List.of(), problems(KUSTOMIZATION));
  }

  @Test
  void aTypoedFieldIsAnError() throws Exception {
    assertEquals(
        List.of(
            "objects.yaml:9: Kustomization/flux-system/shop .spec.prunne: unknown field \"prunne\" (known: "
                + "buildMetadata, commonMetadata, components, decryption, deletionPolicy, dependsOn, force, "
                + "healthCheckExprs, healthChecks, ignore, ignoreMissingComponents, images, interval, kubeConfig, "
                + "namePrefix, nameSuffix, patches, path, postBuild, prune, retryInterval, serviceAccountName, "
                + "sourceRef, suspend, targetNamespace, timeout, wait)",
            "objects.yaml:7: Kustomization/flux-system/shop .spec.prune: required field \"prune\" is missing"),
        problems(KUSTOMIZATION.replace("  prune: true", "  prunne: true")));
  }

  @Test
  void aWrongEnumValueIsAnError() throws Exception {
    assertEquals(
        List.of(
            "objects.yaml:11: Kustomization/flux-system/shop .spec.sourceRef.kind: "
                + "\"HelmRepository\" is not one of OCIRepository, GitRepository, Bucket, ExternalArtifact"),
        problems(KUSTOMIZATION.replace("kind: OCIRepository", "kind: HelmRepository")));
  }

  @Test
  void aMissingRequiredFieldIsAnError() throws Exception {
    assertEquals(
        List.of(
            "objects.yaml:11: Kustomization/flux-system/shop .spec.sourceRef.name: "
                + "required field \"name\" is missing"),
        problems(KUSTOMIZATION.replace("    name: shop\n", "")));
  }

  @Test
  void typesPatternsAndIntOrString() throws Exception {
    String release =
        """
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata: {name: db, namespace: flux-system}
        spec:
          interval: 5 minutes
          chart:
            spec: {chart: 1.0, sourceRef: {kind: HelmRepository, name: db}}
          install: {remediation: {retries: "3"}}
          values: {anything: {goes: [1, true, x]}}
        """;
    List<String> problems = problems(release);
    assertEquals(3, problems.size(), problems.toString());
    assertTrue(
        problems
            .get(0)
            .startsWith(
                "objects.yaml:5: HelmRelease/flux-system/db .spec.interval: "
                    + "\"5 minutes\" does not match"),
        problems.get(0));
    assertEquals(
        "objects.yaml:7: HelmRelease/flux-system/db .spec.chart.spec.chart: expected string, found number",
        problems.get(1));
    assertEquals(
        "objects.yaml:8: HelmRelease/flux-system/db .spec.install.remediation.retries: "
            + "expected integer, found string",
        problems.get(2));
  }

  @Test
  void aKustomizationFileWithoutApiVersionIsSkippedAsTheReadmeSays() throws Exception {
    Path overlay = Files.createDirectories(dir.resolve("overlays/dev"));
    Files.writeString(
        overlay.resolve("kustomization.yaml"), "resources: [../../base]\nnamePrefix: dev-\n");
    Files.writeString(
        overlay.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
    var result = Validation.run(List.of(overlay), crds);
    assertEquals(List.of(), result.problems());
  }

  @Test
  void wellFormednessOfAnyObject() throws Exception {
    List<String> problems =
        problems(
            """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: Bad_Name, labels: {version: 1.0, ok: "1.0"}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: apps, namespace: other}
        ---
        kind: Secret
        metadata: {}
        ---
        apiVersion: source.toolkit.fluxcd.io/v1beta1
        kind: OCIRepository
        metadata: {name: shop}
        """);
    assertEquals(
        List.of(
            "objects.yaml:3: ConfigMap/Bad_Name .metadata.labels.version: expected string, found number (quote it)",
            "objects.yaml:3: ConfigMap/Bad_Name .metadata.name: \"Bad_Name\" is not a DNS-1123 subdomain "
                + "(lower-case letters, digits, '-', '.')",
            "objects.yaml:7: Namespace/other/apps .metadata.namespace: Namespace is cluster-scoped: remove the namespace",
            "objects.yaml:9: Secret/? .apiVersion: required (a string such as apps/v1)",
            "objects.yaml:10: Secret/? .metadata.name: required",
            "objects.yaml:12: OCIRepository/shop .apiVersion: source.toolkit.fluxcd.io/v1beta1 OCIRepository is not "
                + "served (served: source.toolkit.fluxcd.io/v1)"),
        problems);
  }

  @Test
  void aClusterExportListOfCrdsWorksLikeTheDirectory() throws Exception {
    StringBuilder list = new StringBuilder("apiVersion: v1\nkind: List\nitems:\n");
    try (Stream<Path> files = Files.list(RealParts.shared("flux-crds"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        String crd = Files.readString(file).replaceFirst("^---\n", "");
        list.append(
            crd.lines()
                .map(l -> "  " + l)
                .collect(Collectors.joining("\n", "- |-\n", "\n"))
                .replace("- |-\n  ", "- ")
                .replace("\n  ", "\n  "));
      }
    }
    Path export = dir.resolve("crds.yaml");
    Files.writeString(export, list.toString());
    CrdSchemas fromExport = CrdSchemas.load(export);
    assertEquals(crds.size(), fromExport.size());
    Path file = dir.resolve("k.yaml");
    Files.writeString(file, KUSTOMIZATION.replace("  prune: true", "  prunne: true"));
    assertEquals(2, Validation.run(List.of(file), fromExport).problems().size());
  }

  @Test
  void withoutCrdsFluxObjectsAreReportedAsUnchecked() throws Exception {
    Path file = dir.resolve("k.yaml");
    Files.writeString(file, KUSTOMIZATION);
    Validation.Result result = Validation.run(List.of(file), CrdSchemas.none());
    assertTrue(result.missingCrds());
    assertFalse(result.ok());
    assertEquals(
        "--crds " + dir.resolve("none") + ": no such file or directory",
        assertThrows(IllegalArgumentException.class, () -> CrdSchemas.load(dir.resolve("none")))
            .getMessage());
  }
}
