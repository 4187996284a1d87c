package dev.hoist.api;

import dev.hoist.files.TextFiles;
import dev.hoist.yaml.GoYamlWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Writes the hoist.yaml of a {@link ProjectDescription}. */
final class Descriptor {
  private static final List<String> KUSTOMIZATIONS =
      List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  private Descriptor() {}

  static void write(Path dir, Path file, ProjectDescription d) {
    Path project = dir.toAbsolutePath().normalize();
    Path parent = file.toAbsolutePath().normalize().getParent();
    String root = parent.relativize(project).toString();
    Map<String, Object> yaml = new LinkedHashMap<>();
    yaml.put("root", root.isEmpty() ? "." : root);
    yaml.put("project", d.project());
    yaml.put("registry", d.registry());
    yaml.put("apps", d.apps().stream().map(app -> app(project, app)).toList());
    List<String> overlays = overlays(project);
    if (!overlays.isEmpty()) {
      yaml.put("overlays", overlays);
    }
    TextFiles.writeIfChanged(
        file,
        "# written by hoist from the build (no hoist.yaml in "
            + project
            + "); do not edit\n"
            + GoYamlWriter.marshal(yaml));
  }

  private static Map<String, Object> app(Path project, ProjectDescription.App app) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", app.name());
    out.put("jar", path(project, app.jar()));
    if (!app.classpath().isEmpty()) {
      out.put("classpath", app.classpath().stream().map(p -> path(project, p)).toList());
    }
    if (app.mainClass() != null) {
      out.put("mainClass", app.mainClass());
    }
    if (!app.jvmFlags().isEmpty()) {
      out.put("jvmFlags", app.jvmFlags());
    }
    out.put("base", app.base());
    if (!app.ports().isEmpty()) {
      out.put("ports", app.ports().stream().map(Integer::longValue).toList());
    }
    if (!app.env().isEmpty()) {
      out.put("env", new java.util.TreeMap<>(app.env()));
    }
    if (app.user() != null) {
      out.put("user", app.user());
    }
    return out;
  }

  /** Inside the project: relative (so the file reads the same on any machine); else absolute. */
  private static String path(Path project, Path p) {
    Path absolute = project.resolve(p).normalize();
    return absolute.startsWith(project)
        ? project.relativize(absolute).toString()
        : absolute.toString();
  }

  /** {@code overlays/<name>} directories that hold a kustomization, by name. */
  private static List<String> overlays(Path project) {
    Path dir = project.resolve("overlays");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    try (Stream<Path> children = Files.list(dir)) {
      for (Path child : (Iterable<Path>) children.sorted()::iterator) {
        if (KUSTOMIZATIONS.stream().anyMatch(k -> Files.isRegularFile(child.resolve(k)))) {
          names.add(child.getFileName().toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    return names;
  }
}
