package dev.hoist.kustomize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads the files of one kustomization directory, enforcing the load restrictor and refusing remote
 * bases.
 */
final class Loader {
  static final List<String> FILE_NAMES =
      List.of("kustomization.yaml", "kustomization.yml", "Kustomization");
  final Path dir;
  final Path realDir;
  final LoadRestrictor restrictor;

  Loader(Path dir, LoadRestrictor restrictor) {
    this.dir = dir;
    this.restrictor = restrictor;
    try {
      this.realDir = dir.toRealPath();
    } catch (IOException e) {
      throw new RenderException(dir + ": no such directory");
    }
  }

  /** The kustomization file of this directory (exactly one of the three accepted names). */
  Path kustomizationFile() {
    Path found = null;
    for (String name : FILE_NAMES) {
      Path p = realDir.resolve(name);
      if (Files.isRegularFile(p)) {
        if (found != null) {
          throw new RenderException(
              dir
                  + ": found multiple kustomization files ("
                  + found.getFileName()
                  + ", "
                  + name
                  + ")");
        }
        found = p;
      }
    }
    if (found == null) {
      throw new RenderException(
          dir + ": no kustomization.yaml, kustomization.yml or Kustomization found");
    }
    return found;
  }

  static boolean isRemote(String ref) {
    return ref.contains("://")
        || ref.startsWith("git@")
        || ref.startsWith("github.com/")
        || ref.startsWith("gitlab.com/")
        || ref.startsWith("bitbucket.org/");
  }

  /** The real path of {@code ref} (file or directory), checked against the restrictor. */
  Path resolve(String ref, String field) {
    if (isRemote(ref)) {
      throw RenderException.unsupported(
          dir
              + ": "
              + field
              + ": remote resource "
              + ref
              + " is not supported by the embedded engine; use --engine kustomize");
    }
    Path real;
    try {
      real = realDir.resolve(ref).toRealPath();
    } catch (NoSuchFileException e) {
      throw new RenderException(dir + ": " + field + ": " + ref + " does not exist");
    } catch (IOException e) {
      throw new RenderException(
          dir + ": " + field + ": cannot read " + ref + ": " + e.getMessage());
    }
    return real;
  }

  /** Checks that a file (not a kustomization directory) lies inside this root under RootOnly. */
  Path file(String ref, String field) {
    Path real = resolve(ref, field);
    if (restrictor == LoadRestrictor.LoadRestrictionsRootOnly && !real.startsWith(realDir)) {
      throw new RenderException(
          dir
              + ": "
              + field
              + ": security; file "
              + real
              + " is not in or below "
              + realDir
              + " (use --load-restrictor LoadRestrictionsNone)");
    }
    if (Files.isDirectory(real)) {
      throw new RenderException(dir + ": " + field + ": " + ref + " is a directory");
    }
    return real;
  }

  String read(String ref, String field) {
    return new String(bytes(ref, field), StandardCharsets.UTF_8);
  }

  byte[] bytes(String ref, String field) {
    try {
      return Files.readAllBytes(file(ref, field));
    } catch (IOException e) {
      throw new RenderException(
          dir + ": " + field + ": cannot read " + ref + ": " + e.getMessage());
    }
  }

  /** Parses the kustomization of this directory. */
  Map<String, Object> kustomization() {
    Path file = kustomizationFile();
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new RenderException(file + ": cannot read: " + e.getMessage());
    }
    Object doc = Values.kustomization(text, file.toString());
    if (!(doc instanceof Map<?, ?>)) {
      throw new RenderException(file + ": a kustomization must be a mapping");
    }
    return Tree.map(doc);
  }
}
