package dev.hoist.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.cli.Main;
import dev.hoist.testing.Processes;
import dev.hoist.testing.RealParts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cosign-compatible signatures at push, against the real registry: the signature manifest checked
 * with skopeo, the signature bytes verified by openssl over the exact payload blob (an independent
 * implementation), and {@code hoist verify} for good, wrong-key, unsigned and swapped-payload
 * cases.
 */
class SignIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private static Run hoist(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  private JsonNode push(String url, String content, String... more) throws Exception {
    Path tree = Files.createDirectories(dir.resolve("tree" + System.nanoTime()));
    Files.writeString(tree.resolve("a.yaml"), content);
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "artifact",
                "push",
                url,
                "--path",
                tree.toString(),
                "--source",
                "https://example.com/a.git",
                "--revision",
                "1.0.0@sha1:0000000000000000000000000000000000000001",
                "--insecure",
                "-o",
                "json"));
    args.addAll(List.of(more));
    Run run = hoist(args.toArray(String[]::new));
    assertEquals(0, run.code(), run.err());
    return JSON.readTree(run.out());
  }

  private String skopeo(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(RealParts.tool("skopeo").toString()));
    command.addAll(List.of(args));
    return Processes.run(dir, command, 60).requireSuccess().stdout();
  }

  @Test
  void signedAtPushVerifiedByOpensslAndHoist() throws Exception {
    String registry = RealParts.registry();
    String repo = registry + "/signed" + System.nanoTime() + "/app";
    Run keys = hoist("sign", "generate-key", "--output", dir.resolve("cosign").toString());
    assertEquals(0, keys.code(), keys.err());
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("cosign.key"))));
    assertEquals(
        1, hoist("sign", "generate-key", "--output", dir.resolve("cosign").toString()).code());

    // a bad key stops the push before anything is uploaded
    Run bad =
        hoist(
            "artifact",
            "push",
            "oci://" + repo + ":0.9.0",
            "--path",
            dir.toString(),
            "--sign-key",
            dir.resolve("nope.key").toString(),
            "--insecure");
    assertEquals(2, bad.code(), bad.err());
    assertTrue(
        bad.err().contains("--sign-key " + dir.resolve("nope.key") + ": file not found"),
        bad.err());

    JsonNode pushed =
        push(
            "oci://" + repo + ":1.0.0",
            "a: 1\n",
            "--sign-key",
            dir.resolve("cosign.key").toString());
    String digest = pushed.path("digest").asText();
    assertTrue(pushed.path("signature").asText().startsWith("sha256:"), pushed.toString());

    // the signature manifest, as cosign lays it out
    String sigTag = digest.replace(':', '-') + ".sig";
    String raw =
        skopeo("inspect", "--raw", "--tls-verify=false", "docker://" + repo + ":" + sigTag);
    assertEquals(
        pushed.path("signature").asText(),
        dev.hoist.oci.Digest.sha256(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .toString());
    JsonNode manifest = JSON.readTree(raw);
    JsonNode layer = manifest.path("layers").get(0);
    assertEquals(
        "application/vnd.dev.cosign.simplesigning.v1+json", layer.path("mediaType").asText());
    String signature =
        layer.path("annotations").path("dev.cosignproject.cosign/signature").asText();

    // openssl verifies the signature over the exact payload blob
    HttpResponse<byte[]> blob =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://"
                                + registry
                                + "/v2/"
                                + repo.substring(registry.length() + 1)
                                + "/blobs/"
                                + layer.path("digest").asText()))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, blob.statusCode());
    JsonNode payload = JSON.readTree(blob.body());
    assertEquals(
        digest, payload.path("critical").path("image").path("docker-manifest-digest").asText());
    assertEquals(repo, payload.path("critical").path("identity").path("docker-reference").asText());
    assertEquals(
        "cosign container image signature", payload.path("critical").path("type").asText());
    Files.write(dir.resolve("payload.json"), blob.body());
    Files.write(dir.resolve("sig.der"), Base64.getDecoder().decode(signature));
    String verified =
        Processes.run(
                dir,
                List.of(
                    "openssl",
                    "dgst",
                    "-sha256",
                    "-verify",
                    dir.resolve("cosign.pub").toString(),
                    "-signature",
                    dir.resolve("sig.der").toString(),
                    dir.resolve("payload.json").toString()),
                60)
            .requireSuccess()
            .stdout();
    assertEquals("Verified OK", verified.strip());

    // hoist verify: good; wrong key; unsigned; a signature copied from another digest
    String target = "oci://" + repo + "@" + digest;
    String pub = dir.resolve("cosign.pub").toString();
    assertEquals(0, hoist("verify", target, "--key", pub, "--insecure").code());
    hoist("sign", "generate-key", "--output", dir.resolve("other").toString());
    String otherPub = dir.resolve("other.pub").toString();
    Run wrong = hoist("verify", target, "--key", otherPub, "--insecure");
    assertEquals(1, wrong.code(), wrong.err());
    assertTrue(wrong.err().contains("no signature verifies with the key"), wrong.err());
    JsonNode unsigned = push("oci://" + repo + ":2.0.0", "b: 2\n");
    String unsignedDigest = unsigned.path("digest").asText();
    Run none = hoist("verify", "oci://" + repo + "@" + unsignedDigest, "--key", pub, "--insecure");
    assertEquals(1, none.code(), none.err());
    assertTrue(none.err().contains("no signature"), none.err());
    skopeo(
        "copy",
        "--src-tls-verify=false",
        "--dest-tls-verify=false",
        "docker://" + repo + ":" + sigTag,
        "docker://" + repo + ":" + unsignedDigest.replace(':', '-') + ".sig");
    Run swapped =
        hoist("verify", "oci://" + repo + "@" + unsignedDigest, "--key", pub, "--insecure");
    assertEquals(1, swapped.code(), swapped.err());
    assertTrue(swapped.err().contains("names another digest"), swapped.err());
    assertEquals(2, hoist("verify", "oci://" + repo + ":1.0.0", "--key", pub, "--insecure").code());

    // signatures accumulate: a second key signs the same digest, both verify
    push("oci://" + repo + ":1.0.0", "a: 1\n", "--sign-key", dir.resolve("other.key").toString());
    JsonNode twice =
        JSON.readTree(
            skopeo("inspect", "--raw", "--tls-verify=false", "docker://" + repo + ":" + sigTag));
    assertEquals(2, twice.path("layers").size(), twice.toString());
    assertEquals(0, hoist("verify", target, "--key", pub, "--insecure").code());
    assertEquals(0, hoist("verify", target, "--key", otherPub, "--insecure").code());
  }

  @Test
  void artifactPushSignsWithHoistYamlsSignKey() throws Exception {
    String registry = RealParts.registry();
    String repo = registry + "/signedcfg" + System.nanoTime() + "/app";
    Path project = Files.createDirectories(dir.resolve("project"));
    java.util.List<Path> keys = dev.hoist.sign.KeyPairs.generate(project.resolve("keys/cosign"));
    Files.writeString(
        project.resolve("hoist.yaml"),
        "project: shop\nregistry: ghcr.io/acme\nsign: {key: keys/cosign.key}\n");
    Files.createDirectories(project.resolve("manifests"));
    Files.writeString(project.resolve("manifests/a.yaml"), "a: 1\n");
    dev.hoist.api.PushResult pushed =
        dev.hoist.api.Hoist.project(project)
            .pushArtifact(
                dev.hoist.api.PushOptions.of("oci://" + repo + ":1.0.0", Path.of("manifests"))
                    .source("https://example.com/shop.git")
                    .revision("1.0.0@sha1:0000000000000000000000000000000000000000")
                    .insecure(true));
    assertTrue(pushed.signature() != null && pushed.signature().startsWith("sha256:"));
    Run verified =
        hoist(
            "verify",
            "oci://" + repo + "@" + pushed.digest(),
            "--key",
            keys.get(1).toString(),
            "--insecure");
    assertEquals(0, verified.code(), verified.err());
  }
}
