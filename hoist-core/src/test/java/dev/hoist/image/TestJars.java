package dev.hoist.image;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes small jars for tests, with fixed entry times so equal arguments give equal bytes. */
final class TestJars {
  private TestJars() {}

  /**
   * A jar with one text entry {@code hello.txt} holding {@code content}, and Main-Class when
   * non-null.
   */
  static Path write(Path file, String mainClass, String content) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (mainClass != null) {
      manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
    }
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file);
        JarOutputStream jar = new JarOutputStream(out)) {
      JarEntry manifestEntry = new JarEntry("META-INF/MANIFEST.MF");
      manifestEntry.setTime(1_700_000_000_000L);
      jar.putNextEntry(manifestEntry);
      manifest.write(jar);
      jar.closeEntry();
      JarEntry entry = new JarEntry("hello.txt");
      entry.setTime(1_700_000_000_000L);
      jar.putNextEntry(entry);
      jar.write(content.getBytes(StandardCharsets.UTF_8));
      jar.closeEntry();
    }
    return file;
  }
}
