package dev.hoist.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.run.ExitCode;
import dev.hoist.testing.Processes;
import dev.hoist.testing.RealParts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline against the real registry, checked with skopeo and tar, not with hoist's own
 * code.
 */
@Tag("integration")
class ReleaseIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  static ShopProject.Run hoist(Path project, String... args) {
    return ShopProject.hoist(project, args);
  }

  static JsonNode json(ShopProject.Run run) throws Exception {
    return JSON.readTree(run.out());
  }

  private String skopeo(String... args) throws Exception {
    Path skopeo = RealParts.tool("skopeo");
    List<String> cmd = new java.util.ArrayList<>(List.of(skopeo.toString()));
    cmd.addAll(List.of(args));
    return Processes.run(tmp, cmd).requireSuccess().stdout();
  }

  private static String sha256(String text) throws Exception {
    return "sha256:"
        + HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void releasesATaggedCommitReproduciblyAndPreReleasesLeaveLatest() throws Exception {
    String registry = RealParts.registry();
    String ns = registry + "/acme" + System.nanoTime();
    ExampleProject project = ExampleProject.create(tmp.resolve("p1"));
    project.tag("v1.2.3");

    ShopProject.Run run =
        hoist(project.dir, "release", "--registry", ns, "--insecure", "-o", "json");
    assertEquals(0, run.code(), run.err());
    JsonNode result = json(run);
    assertEquals("1.2.3", result.get("version").asText());
    String commit =
        Processes.run(project.dir, List.of("git", "rev-parse", "HEAD"))
            .requireSuccess()
            .stdout()
            .trim();
    assertEquals("v1.2.3@sha1:" + commit, result.get("revision").asText());

    // the image: pushed under both tags, with the OCI labels
    JsonNode image = result.get("images").get(0);
    assertEquals("hello", image.get("name").asText());
    String imageDigest = image.get("digest").asText();
    assertEquals(ns + "/hello@" + imageDigest, image.get("ref").asText());
    for (String tag : List.of("1.2.3", "latest")) {
      String raw =
          skopeo("inspect", "--tls-verify=false", "--raw", "docker://" + ns + "/hello:" + tag);
      assertEquals(imageDigest, sha256(raw), tag);
    }
    JsonNode config =
        JSON.readTree(
            skopeo("inspect", "--tls-verify=false", "--config", "docker://" + ns + "/hello:1.2.3"));
    JsonNode labels = config.get("config").get("Labels");
    // no version label: the version lives in the tags (an unchanged app keeps its digest)
    assertEquals(null, labels.get("org.opencontainers.image.version"));
    assertEquals(commit, labels.get("org.opencontainers.image.revision").asText());
    assertEquals(
        project.origin.toUri().toString(), labels.get("org.opencontainers.image.source").asText());

    // the artifact: Flux media types and annotations
    JsonNode artifact = result.get("artifacts").get(0);
    assertEquals("oci://" + ns + "/manifests/hello", artifact.get("url").asText());
    assertEquals(List.of("1.2.3", "latest"), JSON.convertValue(artifact.get("tags"), List.class));
    String artifactRef = ns + "/manifests/hello:1.2.3";
    String rawManifest =
        skopeo("inspect", "--tls-verify=false", "--raw", "docker://" + artifactRef);
    assertEquals(artifact.get("digest").asText(), sha256(rawManifest));
    JsonNode manifest = JSON.readTree(rawManifest);
    assertEquals("application/vnd.oci.image.manifest.v1+json", manifest.get("mediaType").asText());
    assertEquals(
        "application/vnd.cncf.flux.config.v1+json",
        manifest.get("config").get("mediaType").asText());
    assertEquals(1, manifest.get("layers").size());
    assertEquals(
        "application/vnd.cncf.flux.content.v1.tar+gzip",
        manifest.get("layers").get(0).get("mediaType").asText());
    JsonNode annotations = manifest.get("annotations");
    assertEquals(
        "v1.2.3@sha1:" + commit, annotations.get("org.opencontainers.image.revision").asText());
    assertEquals(
        project.origin.toUri().toString(),
        annotations.get("org.opencontainers.image.source").asText());
    assertTrue(
        annotations
            .get("org.opencontainers.image.created")
            .asText()
            .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));

    // the layer extracts (with tar, not hoist) to exactly the staged tree
    Path extracted = extractArtifact(artifactRef);
    assertEquals(
        List.of(
            "base/deployment.yaml",
            "base/kustomization.yaml",
            "base/pdb.yaml",
            "base/service.yaml",
            "overlays/dev/kustomization.yaml",
            "overlays/dev/namespace.yaml",
            "overlays/prod/kustomization.yaml",
            "overlays/prod/namespace.yaml",
            "overlays/staging/kustomization.yaml",
            "overlays/staging/namespace.yaml"),
        ExampleProject.list(extracted));
    assertEquals(
        Files.readString(project.dir.resolve("base/deployment.yaml")),
        Files.readString(extracted.resolve("base/deployment.yaml")));
    String prod = Files.readString(extracted.resolve("overlays/prod/kustomization.yaml"));
    String expectedProd =
        Files.readString(project.dir.resolve("overlays/prod/kustomization.yaml"))
            .replace(
                "    newName: ghcr.io/hoist-dev/hello\n    newTag: latest\n",
                "    newName: " + ns + "/hello\n    digest: " + imageDigest + "\n");
    assertEquals(expectedProd, prod);

    // the Flux objects
    List<String> flux = JSON.convertValue(result.get("flux"), new TypeReference<List<String>>() {});
    // every cluster's whole layout (hoist flux generate's files), the app's own file first per
    // cluster
    assertEquals(
        List.of("flux/clusters/staging/hello.yaml", "flux/clusters/production/hello.yaml"),
        flux.stream().filter(f -> f.endsWith("/hello.yaml")).toList());
    assertTrue(flux.contains("flux/clusters/production/kustomization.yaml"), flux.toString());
    for (String file : flux) {
      assertTrue(Files.isRegularFile(project.dir.resolve(file)), file);
    }
    String production =
        Files.readString(project.dir.resolve("flux/clusters/production/hello.yaml"));
    assertTrue(
        production.startsWith(
            "---\napiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository\n"),
        production);
    assertTrue(production.contains("\n  url: oci://" + ns + "/manifests/hello\n"), production);
    assertTrue(production.contains("\n    semver: '>=1.0.0'\n"), production);
    assertTrue(production.contains("\n  path: ./overlays/prod\n"), production);
    assertTrue(
        production.contains("apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\n"),
        production);
    assertTrue(production.contains("\n  interval: 10m0s\n"), production);

    // a fresh clone releases the same digests
    ExampleProject clone = project.cloneTo(tmp.resolve("p2"));
    ShopProject.Run again =
        hoist(clone.dir, "release", "--registry", ns, "--insecure", "-o", "json");
    assertEquals(0, again.code(), again.err());
    assertEquals(imageDigest, json(again).get("images").get(0).get("digest").asText());
    assertEquals(
        artifact.get("digest").asText(),
        json(again).get("artifacts").get(0).get("digest").asText());

    // a pre-release pushes its version tag and leaves latest alone
    project.commitAll("record release 1.2.3 outputs");
    project.commit("base/NOTES.txt", "rc\n");
    project.tag("v1.3.0-rc.1");
    ShopProject.Run rc =
        hoist(project.dir, "release", "--registry", ns, "--insecure", "-o", "json");
    assertEquals(0, rc.code(), rc.err());
    assertEquals(
        List.of("1.3.0-rc.1"),
        JSON.convertValue(json(rc).get("artifacts").get(0).get("tags"), List.class));
    String rcDigest = json(rc).get("artifacts").get(0).get("digest").asText();
    assertFalse(rcDigest.equals(artifact.get("digest").asText()));
    assertEquals(
        rcDigest,
        sha256(
            skopeo(
                "inspect",
                "--tls-verify=false",
                "--raw",
                "docker://" + ns + "/manifests/hello:1.3.0-rc.1")));
    assertEquals(
        artifact.get("digest").asText(),
        sha256(
            skopeo(
                "inspect",
                "--tls-verify=false",
                "--raw",
                "docker://" + ns + "/manifests/hello:latest")));
    assertEquals(
        imageDigest,
        sha256(
            skopeo("inspect", "--tls-verify=false", "--raw", "docker://" + ns + "/hello:latest")));
  }

  private Path extractArtifact(String ref) throws Exception {
    Path layout = tmp.resolve("layout");
    skopeo("copy", "--src-tls-verify=false", "docker://" + ref, "oci:" + layout + ":a");
    JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
    String manifestDigest = index.get("manifests").get(0).get("digest").asText();
    JsonNode manifest =
        JSON.readTree(layout.resolve("blobs/sha256/" + manifestDigest.substring(7)).toFile());
    String layer = manifest.get("layers").get(0).get("digest").asText().substring(7);
    Path out = tmp.resolve("extracted");
    Files.createDirectories(out);
    Processes.run(out, List.of("tar", "-xzf", layout.resolve("blobs/sha256/" + layer).toString()))
        .requireSuccess();
    return out;
  }

  @Test
  void refusesUntaggedAndDirtyTreesWithDistinctCodesAndWritesNothing() throws Exception {
    String ns = RealParts.registry() + "/refuse" + System.nanoTime();
    ExampleProject project = ExampleProject.create(tmp.resolve("p"));
    ShopProject.Run untagged = hoist(project.dir, "release", "--registry", ns, "--insecure");
    assertEquals(ExitCode.UNTAGGED.code(), untagged.code());
    assertTrue(untagged.err().startsWith("hoist: error: HEAD "), untagged.err());
    project.tag("v2.0.0");
    Files.writeString(project.dir.resolve("overlays/dev/namespace.yaml"), "changed\n");
    ShopProject.Run dirty = hoist(project.dir, "release", "--registry", ns, "--insecure");
    assertEquals(ExitCode.DIRTY.code(), dirty.code());
    assertEquals(
        "hoist: error: the working tree is not clean (1 path(s), first: overlays/dev/namespace.yaml): "
            + "commit or stash before releasing, or use --snapshot\n",
        dirty.err());
    assertFalse(Files.exists(project.dir.resolve("flux")));
  }

  @Test
  void unreachableRegistryFailsWithRegistryCodeAndWritesNothing() throws Exception {
    ExampleProject project = ExampleProject.create(tmp.resolve("p"));
    project.tag("v1.0.0");
    int closedPort;
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    ShopProject.Run run =
        hoist(
            project.dir,
            "release",
            "--registry",
            "127.0.0.1:" + closedPort + "/acme",
            "--insecure");
    assertEquals(ExitCode.REGISTRY.code(), run.code(), run.err());
    List<String> lines = run.err().trim().lines().toList();
    String last = lines.get(lines.size() - 1);
    assertTrue(
        last.startsWith("hoist: error: ") && last.contains("127.0.0.1:" + closedPort), run.err());
    assertEquals(1, lines.stream().filter(l -> l.startsWith("hoist: error: ")).count(), run.err());
    assertFalse(Files.exists(project.dir.resolve("flux")));
    assertFalse(Files.exists(project.dir.resolve("manifests")));
  }

  @Test
  void aDryRunFailsWhereTheRealRunWouldAndPlansAgainstTheRegistry() throws Exception {
    String registry = RealParts.registry();
    String ns = registry + "/dry" + System.nanoTime();
    ExampleProject project = ExampleProject.create(tmp.resolve("p"));
    project.tag("v1.0.0");

    // plain HTTP without --insecure: refused by the dry run as by the real run, nothing written
    ShopProject.Run https = hoist(project.dir, "release", "--registry", ns, "--dry-run");
    ShopProject.Run real = hoist(project.dir, "release", "--registry", ns);
    assertEquals(ExitCode.REGISTRY.code(), https.code(), https.err());
    assertEquals(real.code(), https.code(), real.err());
    assertFalse(Files.exists(project.dir.resolve("flux")));
    assertFalse(Files.exists(project.dir.resolve("target/hoist")));

    // a registry without a namespace is a usage error before anything runs
    ShopProject.Run bare = hoist(project.dir, "release", "--registry", registry, "--dry-run");
    assertEquals(ExitCode.USAGE.code(), bare.code(), bare.err());
    assertEquals(
        "hoist: error: --registry " + registry + ": expected HOST[:PORT]/NAMESPACE\n", bare.err());

    // the dry run's tag plan is the registry's: a version tag that names another artifact is
    // refused by the dry run as the real run would refuse it
    assertEquals(0, hoist(project.dir, "release", "--registry", ns, "--insecure", "-q").code());
    project.commit("overlays/dev/notes.txt", "another artifact at the same version\n");
    Processes.run(project.dir, List.of("git", "tag", "-f", "v1.0.0")).requireSuccess();
    ShopProject.Run conflict =
        hoist(project.dir, "release", "--registry", ns, "--insecure", "--dry-run");
    assertEquals(1, conflict.code(), conflict.err());
    assertTrue(conflict.err().contains("version tags are immutable"), conflict.err());
  }

  @Test
  void aSignedReleaseSignsEveryImageAndTheArtifactByDigest() throws Exception {
    String ns = RealParts.registry() + "/signed" + System.nanoTime();
    ExampleProject project = ExampleProject.create(tmp.resolve("p"));
    project.tag("v1.0.0");
    Path prefix = tmp.resolve("keys/cosign");
    assertEquals(
        0,
        dev.hoist.cli.Main.run(
            new java.io.PrintWriter(new java.io.StringWriter()),
            new java.io.PrintWriter(new java.io.StringWriter()),
            "sign",
            "generate-key",
            "--output",
            prefix.toString()));
    ShopProject.Run run =
        hoist(
            project.dir,
            "release",
            "--registry",
            ns,
            "--insecure",
            "--sign-key",
            prefix + ".key",
            "-o",
            "json");
    assertEquals(0, run.code(), run.err());
    JsonNode result = json(run);
    JsonNode signatures = result.path("signatures");
    // the image, its SBOM referrer and the artifact, in that order
    assertEquals(3, signatures.size(), signatures.toString());
    String image = result.path("images").get(0).path("ref").asText();
    assertEquals(image, signatures.get(0).path("signed").asText());
    assertEquals(
        image.substring(0, image.indexOf('@'))
            + "@"
            + result.path("sboms").get(0).path("sbom").asText(),
        signatures.get(1).path("signed").asText());
    assertEquals(
        result.path("artifacts").get(0).path("url").asText().substring("oci://".length())
            + "@"
            + result.path("artifacts").get(0).path("digest").asText(),
        signatures.get(2).path("signed").asText());
    for (JsonNode s : signatures) {
      assertEquals(
          0,
          dev.hoist.cli.Main.run(
              new java.io.PrintWriter(new java.io.StringWriter()),
              new java.io.PrintWriter(new java.io.StringWriter()),
              "verify",
              "oci://" + s.path("signed").asText(),
              "--key",
              prefix + ".pub",
              "--insecure"),
          s.toString());
    }
  }

  @Test
  void aRegistryWithTheReferrersApiListsTheSbomWithoutATagIndex() throws Exception {
    try (dev.hoist.testing.FaultProxy api =
        new dev.hoist.testing.FaultProxy(RealParts.registry()).referrersApi()) {
      String ns = api.registry() + "/sbomapi" + System.nanoTime();
      ExampleProject project = ExampleProject.create(tmp.resolve("p"));
      project.tag("v1.0.0");
      ShopProject.Run run =
          hoist(project.dir, "release", "--registry", ns, "--insecure", "-o", "json");
      assertEquals(0, run.code(), run.err());
      JsonNode image = json(run).path("images").get(0);
      String digest = image.path("digest").asText();
      String repo =
          image.path("ref").asText().substring(0, image.path("ref").asText().indexOf('@'));
      // asked the API after pushing the SBOM; wrote no tag-schema index (read in the real registry)
      assertTrue(api.count("GET /v2/.*/referrers/" + digest) > 0, String.join("\n", api.log));
      String real = repo.replace(api.registry(), RealParts.registry());
      String tags = skopeo("list-tags", "--tls-verify=false", "docker://" + real);
      assertTrue(!tags.contains(digest.replace(':', '-')), tags);

      java.io.StringWriter out = new java.io.StringWriter();
      java.io.StringWriter err = new java.io.StringWriter();
      int code =
          dev.hoist.cli.Main.run(
              new java.io.PrintWriter(out),
              new java.io.PrintWriter(err),
              "sbom",
              "oci://" + image.path("ref").asText(),
              "--insecure");
      assertEquals(0, code, err.toString());
      assertEquals("CycloneDX", JSON.readTree(out.toString()).path("bomFormat").asText());
    }
  }

  @Test
  void everyImageGetsACycloneDxSbomAttachedAsAReferrer() throws Exception {
    String ns = RealParts.registry() + "/sbom" + System.nanoTime();
    ExampleProject project = ExampleProject.create(tmp.resolve("p"));
    project.tag("v1.0.0");
    ShopProject.Run run =
        hoist(project.dir, "release", "--registry", ns, "--insecure", "-o", "json");
    assertEquals(0, run.code(), run.err());
    JsonNode result = json(run);
    JsonNode image = result.path("images").get(0);
    assertEquals(image.path("ref").asText(), result.path("sboms").get(0).path("image").asText());
    String digest = image.path("digest").asText();

    // the referrers tag schema: an index under sha256-<hex> listing the SBOM manifest
    String repo = image.path("ref").asText().substring(0, image.path("ref").asText().indexOf('@'));
    JsonNode index =
        JSON.readTree(
            skopeo(
                "inspect",
                "--raw",
                "--tls-verify=false",
                "docker://" + repo + ":" + digest.replace(':', '-')));
    assertEquals(
        "application/vnd.cyclonedx+json",
        index.path("manifests").get(0).path("artifactType").asText());
    assertEquals(
        result.path("sboms").get(0).path("sbom").asText(),
        index.path("manifests").get(0).path("digest").asText());

    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int code =
        dev.hoist.cli.Main.run(
            new java.io.PrintWriter(out),
            new java.io.PrintWriter(err),
            "sbom",
            "oci://" + image.path("ref").asText(),
            "--insecure");
    assertEquals(0, code, err.toString());
    JsonNode sbom = JSON.readTree(out.toString());
    assertEquals("CycloneDX", sbom.path("bomFormat").asText());
    assertEquals("1.6", sbom.path("specVersion").asText());
    assertTrue(
        sbom.path("metadata")
            .path("component")
            .path("purl")
            .asText()
            .contains(digest.replace(":", "%3A")),
        sbom.toString());
    boolean jar = false;
    for (JsonNode c : sbom.path("components")) {
      jar |= c.path("purl").asText().startsWith("pkg:maven/dev.hoist/hoist-example@");
    }
    assertTrue(jar, sbom.toString());
    assertTrue(
        org.cyclonedx.parsers.JsonParser.class.getName().length() > 0
            && new org.cyclonedx.parsers.JsonParser()
                .validate(
                    out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    org.cyclonedx.Version.VERSION_16)
                .isEmpty(),
        "valid CycloneDX 1.6");
  }
}
