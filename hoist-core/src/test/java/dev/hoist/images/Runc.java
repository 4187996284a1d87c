package dev.hoist.images;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hoist.testing.Processes;
import dev.hoist.testing.RealParts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Runs an image from the test registry for real: {@code skopeo copy} into an OCI layout, {@code
 * umoci unpack} into a runtime bundle, {@code process.terminal=false}, then {@code runc run}
 * (bounded in time; the container is always deleted).
 */
final class Runc {
  private Runc() {}

  static Processes.Result run(String registryRef, Path work) throws Exception {
    Path skopeo = RealParts.tool("skopeo");
    Path umoci = RealParts.tool("umoci");
    Path runc = RealParts.tool("runc");
    Files.createDirectories(work);
    Path layout = work.resolve("oci");
    Path bundle = work.resolve("bundle");
    Processes.run(
            null,
            List.of(
                skopeo.toString(),
                "copy",
                "--src-tls-verify=false",
                "docker://" + registryRef,
                "oci:" + layout + ":run"),
            120)
        .requireSuccess();
    Processes.run(
            null,
            List.of(umoci.toString(), "unpack", "--image", layout + ":run", bundle.toString()),
            120)
        .requireSuccess();
    Path configFile = bundle.resolve("config.json");
    ObjectNode config = (ObjectNode) TestBases.JSON.readTree(configFile.toFile());
    ((ObjectNode) config.path("process")).put("terminal", false);
    Files.write(configFile, TestBases.JSON.writeValueAsBytes(config));
    String id = "hoist-test-" + UUID.randomUUID().toString().substring(0, 12);
    try {
      return Processes.run(null, List.of(runc.toString(), "run", "-b", bundle.toString(), id), 60);
    } finally {
      Processes.run(null, List.of(runc.toString(), "delete", "-f", id), 30);
    }
  }
}
