package dev.hoist.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FluxWriterTest {
  @TempDir Path dir;

  @Test
  void createsParentsAndRewritesOnlyOnChange() throws Exception {
    Path file = dir.resolve("clusters/prod/shop.yaml");
    assertTrue(FluxWriter.write(file, "---\na: 1\n"));
    assertEquals("---\na: 1\n", Files.readString(file));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));

    FileTime old = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(file, old);
    assertFalse(FluxWriter.write(file, "---\na: 1\n"));
    assertEquals(old, Files.getLastModifiedTime(file));

    assertTrue(FluxWriter.write(file, "---\na: 2\n"));
    assertEquals("---\na: 2\n", Files.readString(file));
    assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertEquals(List.of(file), files.toList());
    }
  }
}
