package dev.hoist.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hoist.testing.Processes;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packages a layer holds: a Maven jar, a Python distribution and a Node package. */
class PackagesTest {
  @TempDir Path dir;

  @Test
  void jarPythonAndNodePackagesWithPurlsAndHashes() throws Exception {
    Path root = Files.createDirectories(dir.resolve("layer"));
    Path jar = Files.createDirectories(root.resolve("app/libs")).resolve("guava-33.0.0-jre.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("META-INF/maven/com.google.guava/guava/pom.properties"));
      zip.write(
          "groupId=com.google.guava\nartifactId=guava\nversion=33.0.0-jre\n"
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    Path plain = root.resolve("app/libs/tool-1.2.jar");
    Files.write(
        plain, new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    Path dist =
        Files.createDirectories(root.resolve("venv/lib/site-packages/requests-2.32.0.dist-info"));
    Files.writeString(
        dist.resolve("METADATA"), "Metadata-Version: 2.1\nName: requests\nVersion: 2.32.0\n");
    Path node = Files.createDirectories(root.resolve("srv/node_modules/@scope/left-pad"));
    Files.writeString(
        node.resolve("package.json"), "{\"name\": \"@scope/left-pad\", \"version\": \"1.3.0\"}");
    Path tgz = dir.resolve("layer.tgz");
    Processes.run(dir, List.of("tar", "-czf", tgz.toString(), "-C", root.toString(), "."))
        .requireSuccess();
    List<Component> found;
    try (InputStream in = Files.newInputStream(tgz)) {
      found = Packages.scan(in);
    }
    List<String> purls = found.stream().map(Component::purl).sorted().toList();
    assertEquals(
        List.of(
            "pkg:maven/com.google.guava/guava@33.0.0-jre",
            "pkg:maven/tool@1.2",
            "pkg:npm/%40scope/left-pad@1.3.0",
            "pkg:pypi/requests@2.32.0"),
        purls);
    Component guava =
        found.stream().filter(c -> c.name().equals("guava")).findFirst().orElseThrow();
    assertEquals(Packages.sha256(Files.readAllBytes(jar)), guava.sha256());
    assertEquals("./app/libs/guava-33.0.0-jre.jar", guava.path());
  }
}
