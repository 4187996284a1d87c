package dev.hoist.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hoist.oci.Digest;
import dev.hoist.sign.KeyPairs;
import dev.hoist.sign.Signer;
import dev.hoist.sign.SigningKey;
import dev.hoist.testing.InMemoryRepository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hoist chart push --sign-key}: the pushed chart is signed by its digest, cosign-style. */
class ChartSigningTest {
  @TempDir Path dir;

  @Test
  void aPushedChartIsSignedByDigestAndVerifiesWithThePublicKey() throws Exception {
    InMemoryRepository repo = new InMemoryRepository("r.example/charts/app");
    List<Path> pair = KeyPairs.generate(dir.resolve("cosign"));
    SigningKey key = SigningKey.load(pair.get(0).toString(), Map.of());
    List<String> progress = new ArrayList<>();
    Charts charts = new Charts(ref -> repo, progress::add);
    Path chart = TestCharts.write(dir.resolve("c"), "app", "1.0.0");

    ChartPush unsigned = charts.push(chart, "oci://r.example/charts", false);
    assertNull(unsigned.signature());
    assertEquals(
        Optional.of("no signature (no tag sha256-" + unsigned.digest().substring(7) + ".sig)"),
        Signer.verify(repo, Digest.parse(unsigned.digest()), SigningKey.publicKey(pair.get(1))));

    // unchanged, pushed again with a key: nothing uploaded for the chart, the digest signed
    ChartPush signed = charts.signedWith(key).push(chart, "oci://r.example/charts", false);
    assertEquals(unsigned.digest(), signed.digest());
    assertEquals(
        Optional.empty(),
        Signer.verify(repo, Digest.parse(signed.digest()), SigningKey.publicKey(pair.get(1))));
    assertEquals(
        "signed oci://r.example/charts/app@" + signed.digest() + " (" + signed.signature() + ")",
        progress.get(progress.size() - 1));
  }

  @Test
  void pushingTheProjectsChartsSignsWithHoistYamlsSignKey() throws Exception {
    InMemoryRepository repo = new InMemoryRepository("r.example/team/charts/app");
    List<Path> pair = KeyPairs.generate(dir.resolve("keys/cosign"));
    TestCharts.write(dir.resolve("c"), "app", "1.0.0");
    java.nio.file.Files.writeString(
        dir.resolve("hoist.yaml"),
        "project: shop\nregistry: r.example/team\ncharts:\n  - path: c\n"
            + "sign: {key: keys/cosign.key}\n");
    List<ChartPush> pushed =
        new Charts(ref -> repo, m -> {}).pushAll(dir.resolve("hoist.yaml"), null, false);
    assertEquals(
        Optional.empty(),
        Signer.verify(
            repo, Digest.parse(pushed.get(0).digest()), SigningKey.publicKey(pair.get(1))));

    java.nio.file.Files.writeString(
        dir.resolve("hoist.yaml"),
        "project: shop\nregistry: r.example/team\ncharts:\n  - path: c\n"
            + "sign: {key: keys/missing.key}\n");
    dev.hoist.run.HoistException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            dev.hoist.run.HoistException.class,
            () -> new Charts(ref -> repo, m -> {}).pushAll(dir.resolve("hoist.yaml"), null, false));
    org.junit.jupiter.api.Assertions.assertTrue(
        e.getMessage().startsWith("hoist.yaml:5: sign.key: "), e.getMessage());
  }
}
