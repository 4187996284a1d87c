package dev.hoist.images;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hoist.oci.Descriptor;
import dev.hoist.oci.Digest;
import dev.hoist.oci.MediaTypes;
import dev.hoist.oci.RegistryClient;
import dev.hoist.oci.RegistryRepository;
import dev.hoist.testing.Processes;
import dev.hoist.testing.RealParts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Real, runnable base images for the run tests, pushed to the test registry: busybox-static with
 * its applet links, optionally with a Java runtime made from the local JDK (jlink of java.base,
 * plus the shared libraries it loads) under {@code /opt/java}, and a two-platform index of the
 * busybox base.
 */
final class TestBases {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PATH = "PATH=/opt/java/bin:/usr/local/bin:/usr/bin:/bin";

  private TestBases() {}

  static RegistryRepository repository(String name) {
    String registry = RealParts.registry();
    return RegistryClient.builder()
        .insecure(true)
        .insecureRegistry(registry)
        .build()
        .repository(registry + "/" + name);
  }

  /** /bin/busybox and a symlink per applet, /tmp. */
  static LayerTar.Layer busyboxLayer(Path dir) throws Exception {
    Path busybox = Path.of("/bin/busybox");
    if (!Files.isExecutable(busybox)) {
      RealParts.missing("/bin/busybox", "install busybox-static");
    }
    String list =
        Processes.run(null, List.of(busybox.toString(), "--list"), 30).requireSuccess().stdout();
    try (LayerTar tar = new LayerTar(dir.resolve("busybox.tar.gz"))) {
      tar.dir("bin", 0755);
      tar.file("bin/busybox", busybox, 0755);
      for (String applet :
          list.lines()
              .map(String::strip)
              .filter(s -> !s.isEmpty() && !s.equals("busybox"))
              .sorted()
              .distinct()
              .toList()) {
        tar.symlink("bin/" + applet, "busybox");
      }
      tar.dir("tmp", 01777);
      return tar.finish();
    }
  }

  /** A java.base runtime of the local JDK under /opt/java, with the libraries its binaries load. */
  static LayerTar.Layer javaLayer(Path dir) throws Exception {
    Path javaHome = Path.of(System.getProperty("java.home")).toRealPath();
    Path jlink = javaHome.resolve("bin/jlink");
    if (!Files.isExecutable(jlink)) {
      RealParts.missing(jlink.toString(), "run the tests on a full JDK");
    }
    Path runtime = dir.resolve("jre");
    Processes.run(
            null,
            List.of(
                jlink.toString(),
                "--add-modules",
                "java.base",
                "--strip-debug",
                "--no-header-files",
                "--no-man-pages",
                "--output",
                runtime.toString()),
            120)
        .requireSuccess();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(runtime)) {
      files = walk.sorted().toList();
    }
    Set<String> libraries = new LinkedHashSet<>();
    for (Path file : files) {
      if (Files.isRegularFile(file)
          && (file.toString().endsWith(".so") || file.endsWith("bin/java"))) {
        for (String line :
            Processes.run(null, List.of("ldd", file.toString()), 30).stdout().lines().toList()) {
          String[] parts = line.strip().split("\\s+", -1);
          String path = parts.length >= 3 && parts[1].equals("=>") ? parts[2] : parts[0];
          if (path.startsWith("/") && !path.startsWith(runtime.toString())) {
            libraries.add(path);
          }
        }
      }
    }
    try (LayerTar tar = new LayerTar(dir.resolve("java.tar.gz"))) {
      Set<String> dirs = new LinkedHashSet<>();
      for (String library : libraries.stream().sorted().toList()) {
        String name = library.substring(1);
        parents(tar, dirs, name);
        tar.file(name, Path.of(library).toRealPath(), 0755);
      }
      parents(tar, dirs, "opt/java/x");
      for (Path file : files) {
        String name = "opt/java/" + runtime.relativize(file).toString();
        if (file.equals(runtime)) {
          continue;
        }
        if (Files.isDirectory(file)) {
          tar.dir(name, 0755);
          dirs.add(name);
        } else {
          tar.file(name, file.toRealPath(), Files.isExecutable(file) ? 0755 : 0644);
        }
      }
      return tar.finish();
    }
  }

  private static void parents(LayerTar tar, Set<String> dirs, String name) throws IOException {
    String[] parts = name.split("/", -1);
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < parts.length - 1; i++) {
      path.append(i == 0 ? "" : "/").append(parts[i]);
      if (dirs.add(path.toString())) {
        tar.dir(path.toString(), 0755);
      }
    }
  }

  /**
   * Pushes an image of {@code layers} for {@code architecture}; returns its manifest descriptor.
   */
  static Descriptor push(
      RegistryRepository repo,
      List<LayerTar.Layer> layers,
      String architecture,
      String platformLabel,
      List<String> tags)
      throws IOException {
    ObjectNode config = JSON.createObjectNode();
    config.put("architecture", architecture);
    config.put("os", "linux");
    ObjectNode inner = config.putObject("config");
    inner.putArray("Env").add(PATH);
    inner.putObject("Labels").put("test.platform", platformLabel);
    ObjectNode rootfs = config.putObject("rootfs");
    rootfs.put("type", "layers");
    ArrayNode diffIds = rootfs.putArray("diff_ids");
    layers.forEach(l -> diffIds.add(l.diffId().toString()));
    byte[] configBytes = JSON.writeValueAsBytes(config);
    Descriptor configDescriptor = Descriptor.of(MediaTypes.OCI_CONFIG, configBytes);
    repo.pushBlob(configDescriptor, configBytes);
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
    manifest.set("config", descriptor(configDescriptor));
    ArrayNode layerArray = manifest.putArray("layers");
    for (LayerTar.Layer layer : layers) {
      Descriptor d = new Descriptor(MediaTypes.OCI_LAYER_GZIP, layer.digest(), layer.size());
      repo.pushBlob(d, layer.file());
      layerArray.add(descriptor(d));
    }
    byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
    repo.pushManifest(manifestBytes, MediaTypes.OCI_MANIFEST, tags);
    return Descriptor.of(MediaTypes.OCI_MANIFEST, manifestBytes);
  }

  /** An index of the busybox layer for linux/amd64 and linux/arm64; returns the index digest. */
  static Digest pushMultiArch(RegistryRepository repo, LayerTar.Layer busybox, String tag)
      throws IOException {
    List<String[]> platforms = List.of(new String[] {"amd64"}, new String[] {"arm64"});
    ObjectNode index = JSON.createObjectNode();
    index.put("schemaVersion", 2);
    index.put("mediaType", MediaTypes.OCI_INDEX);
    ArrayNode manifests = index.putArray("manifests");
    for (String[] platform : platforms) {
      Descriptor d = push(repo, List.of(busybox), platform[0], "linux/" + platform[0], List.of());
      ObjectNode entry = descriptor(d);
      entry.putObject("platform").put("architecture", platform[0]).put("os", "linux");
      manifests.add(entry);
    }
    byte[] bytes = JSON.writeValueAsBytes(index);
    return repo.pushManifest(bytes, MediaTypes.OCI_INDEX, List.of(tag));
  }

  private static ObjectNode descriptor(Descriptor d) {
    ObjectNode node = JSON.createObjectNode();
    node.put("mediaType", d.mediaType());
    node.put("digest", d.digest().toString());
    node.put("size", d.size());
    return node;
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static List<String> lines(String text) {
    return new ArrayList<>(text.lines().toList());
  }
}
