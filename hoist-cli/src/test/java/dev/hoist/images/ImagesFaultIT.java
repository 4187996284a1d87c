package dev.hoist.images;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hoist.oci.Descriptor;
import dev.hoist.oci.RegistryRepository;
import dev.hoist.testing.FaultProxy;
import dev.hoist.testing.FaultProxy.Kind;
import dev.hoist.testing.Processes;
import dev.hoist.testing.RealParts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hoist image build --registry} through a fault-injecting proxy in front of the real test
 * registry: every single transient fault on every kind of push request, and a seeded random
 * schedule of two faults per build, end with exit 0 and the digest of a build without faults (the
 * image is built by Jib and uploaded by hoist's own client, with its retries).
 */
@Tag("integration")
@Timeout(600)
class ImagesFaultIT {
  @TempDir static Path shared;
  @TempDir Path dir;

  static FaultProxy proxy;
  static String busybox;

  /** Where faults are injected: every kind of request an image push sends. */
  record Site(String method, String path) {}

  static final List<Site> SITES =
      List.of(
          new Site("HEAD", "/blobs/sha256:"),
          new Site("POST", "/blobs/uploads/"),
          new Site("PUT", "/blobs/uploads/"),
          new Site("PUT", "/manifests/"),
          new Site("HEAD", "/manifests/"));

  record Fault(Site site, Kind kind, int status) {
    void arm() {
      proxy.inject(site.method(), site.path(), kind, status, null, 1);
    }

    @Override
    public String toString() {
      return site.method() + " " + site.path() + " " + kind + (status > 0 ? " " + status : "");
    }
  }

  static final List<Fault> FAULTS = new ArrayList<>();

  static {
    for (Site site : SITES) {
      FAULTS.add(new Fault(site, Kind.STATUS, 503));
      FAULTS.add(new Fault(site, Kind.STATUS, 502));
      FAULTS.add(new Fault(site, Kind.RESET_BEFORE, 0));
      if (!site.method().equals("HEAD")) {
        FAULTS.add(new Fault(site, Kind.RESET_AFTER, 0));
      }
    }
  }

  @BeforeAll
  static void start() throws Exception {
    String registry = RealParts.registry();
    RegistryRepository repo = TestBases.repository("hoist-test/busybox");
    LayerTar.Layer layer = TestBases.busyboxLayer(shared);
    Descriptor manifest =
        TestBases.push(repo, List.of(layer), "amd64", "linux/amd64", List.of("1"));
    busybox = repo.name() + "@" + manifest.digest();
    proxy = new FaultProxy(registry);
  }

  @AfterAll
  static void stop() {
    proxy.close();
  }

  private String build(TestProject project, String repository, List<Fault> faults)
      throws Exception {
    proxy.reset();
    faults.forEach(Fault::arm);
    Processes.Result r =
        project.hoist(
            "image",
            "build",
            "--registry",
            proxy.registry() + "/" + repository,
            "--insecure",
            "-q",
            "-o",
            "json");
    assertEquals(0, r.exitCode(), faults + ": " + r.stderr());
    return TestBases.JSON.readTree(r.stdout()).path("images").get(0).path("digest").asText();
  }

  @Test
  void everyTransientFaultAndASeededRandomScheduleAreSurvived() throws Exception {
    TestProject project = ImagesRunIT.filesProject(dir.resolve("p"), busybox);
    String expected = build(project, "hoist-fault/clean", List.of());
    int n = 0;
    for (Fault fault : FAULTS) {
      assertEquals(expected, build(project, "hoist-fault/one" + n++, List.of(fault)), "" + fault);
    }
    Random random = new Random(20261203L);
    for (int run = 0; run < 50; run++) {
      List<Fault> two =
          List.of(
              FAULTS.get(random.nextInt(FAULTS.size())), FAULTS.get(random.nextInt(FAULTS.size())));
      assertEquals(
          expected, build(project, "hoist-fault/random" + run, two), "run " + run + " " + two);
    }
  }
}
