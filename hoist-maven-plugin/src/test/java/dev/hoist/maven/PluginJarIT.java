package dev.hoist.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The plugin as Maven installs it (target/it-repo, the integration tests' local repository), as the
 * README describes it: one jar with hoist-core and its libraries inside, signatures stripped, and a
 * POM that names no runtime dependency, so Maven resolves no dependency tree for it.
 */
class PluginJarIT {
  private final String version = System.getProperty("hoist.pluginVersion");
  private final Path dir =
      Path.of(System.getProperty("hoist.itRepo"), "dev/hoist/hoist-maven-plugin", version);

  @Test
  void theInstalledPomNamesNoDependencyMavenWouldResolveForThePlugin() throws Exception {
    Path pom = dir.resolve("hoist-maven-plugin-" + version + ".pom");
    assertTrue(Files.isRegularFile(pom), pom.toString());
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    NodeList deps =
        factory.newDocumentBuilder().parse(pom.toFile()).getElementsByTagName("dependency");
    List<String> resolved = new ArrayList<>();
    for (int i = 0; i < deps.getLength(); i++) {
      Element d = (Element) deps.item(i);
      NodeList scope = d.getElementsByTagName("scope");
      String s = scope.getLength() == 0 ? "compile" : scope.item(0).getTextContent().strip();
      if (!s.equals("provided") && !s.equals("test")) {
        resolved.add(
            d.getElementsByTagName("artifactId").item(0).getTextContent().strip() + " (" + s + ")");
      }
    }
    assertEquals(List.of(), resolved, pom.toString());
  }

  @Test
  void theJarHoldsTheEngineAndItsLibrariesWithoutSignatures() throws Exception {
    try (JarFile jar =
        new JarFile(dir.resolve("hoist-maven-plugin-" + version + ".jar").toFile())) {
      assertNotNull(jar.getEntry("dev/hoist/maven/ReleaseMojo.class"));
      assertNotNull(jar.getEntry("dev/hoist/api/Hoist.class"), "hoist-core");
      assertNotNull(jar.getEntry("org/eclipse/jgit/api/Git.class"), "JGit");
      assertNotNull(jar.getEntry("com/google/cloud/tools/jib/api/Jib.class"), "Jib");
      assertNotNull(
          jar.getEntry(
              "com/google/common/util/concurrent/internal/InternalFutureFailureAccess.class"),
          "Guava's failureaccess (Maven core has Guava, but does not give it to plugins)");
      List<String> signatures =
          jar.stream()
              .map(e -> e.getName())
              .filter(n -> n.startsWith("META-INF/") && n.matches(".*\\.(SF|DSA|RSA|EC)"))
              .toList();
      assertEquals(List.of(), signatures);
      assertNotNull(jar.getEntry("META-INF/maven/plugin.xml"), "the plugin descriptor");
    }
  }
}
