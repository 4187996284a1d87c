package dev.hoist.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hoist.api.ProjectDescription;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which module is an app, and what the app is made of, without hoist.yaml. */
class ModuleAppTest {
  @TempDir Path dir;

  private static final ModuleApp.Settings NONE =
      new ModuleApp.Settings(null, null, null, null, null, null, null);

  private MavenProject module(String packaging, String release) {
    Model model = new Model();
    model.setGroupId("dev.example");
    model.setArtifactId("Orders_Service");
    model.setVersion("1.0");
    model.setPackaging(packaging);
    Build build = new Build();
    build.setDirectory(dir.resolve("target").toString());
    build.setOutputDirectory(dir.resolve("target/classes").toString());
    model.setBuild(build);
    if (release != null) {
      model.getProperties().setProperty("maven.compiler.release", release);
    }
    MavenProject project = new MavenProject(model);
    DefaultArtifact artifact =
        new DefaultArtifact(
            "dev.example",
            "orders",
            "1.0",
            "compile",
            "jar",
            null,
            new DefaultArtifactHandler("jar"));
    project.setArtifact(artifact);
    return project;
  }

  private Path jar(String mainClass) throws Exception {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (mainClass != null) {
      manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
    }
    Path jar = Files.createDirectories(dir.resolve("target")).resolve("orders.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      out.flush();
    }
    return jar;
  }

  @Test
  void aJarWithAMainClassIsAnAppNamedAfterTheModule() throws Exception {
    MavenProject module = module("jar", "21");
    module.getArtifact().setFile(jar("dev.example.Orders").toFile());
    StringBuilder why = new StringBuilder();
    ProjectDescription.App app = ModuleApp.of(module, NONE, why);
    assertEquals("orders-service", app.name());
    assertEquals(dir.resolve("target/orders.jar"), app.jar());
    assertNull(app.mainClass(), "hoist reads the manifest itself");
    assertEquals("eclipse-temurin:21-jre", app.base());
    assertEquals(List.of(), app.classpath());
  }

  @Test
  void modulesThatAreNotAppsSayWhy() throws Exception {
    StringBuilder why = new StringBuilder();
    assertNull(ModuleApp.of(module("pom", null), NONE, why));
    assertEquals("packaging pom is not an app", why.toString());

    MavenProject library = module("jar", null);
    library.getArtifact().setFile(jar(null).toFile());
    why.setLength(0);
    assertNull(ModuleApp.of(library, NONE, why));
    assertEquals(
        "no main class (set <mainClass> or the jar manifest's Main-Class)", why.toString());

    why.setLength(0);
    assertNull(ModuleApp.of(module("jar", null), NONE, why));
    assertEquals(
        "nothing built (no jar, no " + dir.resolve("target/classes") + "): run package first",
        why.toString());
  }

  @Test
  void compiledClassesWithAConfiguredMainClassAndSettings() throws Exception {
    Files.createDirectories(dir.resolve("target/classes"));
    ModuleApp.Settings settings =
        new ModuleApp.Settings(
            "orders",
            "dev.example.Orders",
            "scratch",
            List.of("-Xss1m"),
            List.of(8080),
            Map.of("PORT", "8080"),
            "65532");
    ProjectDescription.App app = ModuleApp.of(module("jar", null), settings, new StringBuilder());
    assertEquals(
        new ProjectDescription.App(
            "orders",
            dir.resolve("target/classes"),
            List.of(),
            "dev.example.Orders",
            "scratch",
            List.of("-Xss1m"),
            List.of(8080),
            Map.of("PORT", "8080"),
            "65532"),
        app);
  }

  @Test
  void theDefaultBaseFollowsTheCompilerRelease() {
    assertEquals("eclipse-temurin:17-jre", ModuleApp.defaultBase(module("jar", null)));
    assertEquals("eclipse-temurin:17-jre", ModuleApp.defaultBase(module("jar", "11")));
    assertEquals("eclipse-temurin:21-jre", ModuleApp.defaultBase(module("jar", "21")));
    assertEquals("eclipse-temurin:25-jre", ModuleApp.defaultBase(module("jar", "24")));
    assertEquals("eclipse-temurin:17-jre", ModuleApp.defaultBase(module("jar", "${java}")));
  }

  @Test
  void namesAreDnsLabels() {
    assertEquals("orders-service-v2", ModuleApp.name("Orders_Service.v2"));
    assertEquals("app", ModuleApp.name("__"));
  }
}
