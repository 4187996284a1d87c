package dev.hoist.artifact;

import dev.hoist.tar.TarReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Extracts a pulled Flux artifact (.tar.gz) safely: only regular files and directories, names that
 * stay inside the target, bounded total size and entry count. Extraction goes to a temporary
 * directory beside the target, which is renamed to the target only when everything succeeded; on
 * failure nothing is left.
 */
public final class ArtifactExtractor {

  /** Bounds for one extraction: total bytes of entry content and number of entries. */
  public record Limits(long maxBytes, int maxEntries) {
    public static final Limits DEFAULT = new Limits(100L * 1024 * 1024, 10_000);

    public Limits {
      if (maxBytes < 0 || maxEntries < 0) {
        throw new IllegalArgumentException(
            "negative extraction limit: " + maxBytes + " bytes, " + maxEntries + " entries");
      }
    }

    /** A count of the entries and bytes read so far, failing as soon as either limit is passed. */
    Budget budget() {
      return new Budget(this);
    }
  }

  /** See {@link Limits#budget()}. */
  static final class Budget {
    private final Limits limits;
    private long bytes;
    private int count;

    private Budget(Limits limits) {
      this.limits = limits;
    }

    void spend(TarReader.Entry e) throws IOException {
      if (++count > limits.maxEntries()) {
        throw new IOException("artifact has more than " + limits.maxEntries() + " entries");
      }
      bytes += e.size();
      if (bytes > limits.maxBytes()) {
        throw new IOException(
            "artifact is larger than " + limits.maxBytes() + " bytes at entry " + e.name());
      }
    }
  }

  /** Extracts with {@link Limits#DEFAULT}. */
  public void extract(InputStream tgz, Path targetDir) throws IOException {
    extract(tgz, targetDir, Limits.DEFAULT);
  }

  /**
   * Extracts into {@code targetDir}, which must not exist or be an empty directory. Throws an
   * {@link IOException} naming the offending entry for anything unsafe.
   */
  public void extract(InputStream tgz, Path targetDir, Limits limits) throws IOException {
    Path target = targetDir.toAbsolutePath().normalize();
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !isEmptyDirectory(target)) {
      throw new FileAlreadyExistsException(
          target.toString(), null, "extraction target exists and is not empty");
    }
    Files.createDirectories(target.getParent());
    Path temp =
        Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".extract-");
    try {
      unpack(new GZIPInputStream(tgz, 64 * 1024), temp, limits);
      // a new directory is 0700; the extracted tree's root is an ordinary directory (0755)
      Files.setPosixFilePermissions(temp, Modes.permissions(0755));
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        Files.delete(target);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      deleteTree(temp);
      throw e;
    }
  }

  private static void unpack(InputStream tar, Path root, Limits limits) throws IOException {
    TarReader reader = new TarReader(tar);
    Map<Path, Integer> dirModes = new LinkedHashMap<>();
    Budget budget = limits.budget();
    for (TarReader.Entry e; (e = reader.next()) != null; ) {
      budget.spend(e);
      Path path = EntryNames.resolve(root, e.name(), e.type());
      if (e.type() == TarHeader.TYPE_DIR) {
        if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
          throw new IOException("artifact entry " + e.name() + " is a directory and a file");
        }
        Files.createDirectories(path);
        dirModes.put(path, e.mode() | 0700);
      } else {
        Files.createDirectories(path.getParent());
        try (InputStream in = reader.content();
            OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW)) {
          in.transferTo(out);
        } catch (FileAlreadyExistsException dup) {
          throw new IOException("artifact has a duplicate entry: " + e.name());
        }
        Files.setPosixFilePermissions(path, Modes.permissions(e.mode() & 0777));
      }
    }
    List<Path> dirs = new ArrayList<>(dirModes.keySet());
    for (int i = dirs.size() - 1; i >= 0; i--) {
      Files.setPosixFilePermissions(
          dirs.get(i), Modes.permissions(dirModes.get(dirs.get(i)) & 0777));
    }
  }

  private static boolean isEmptyDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.findAny().isEmpty();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        try {
          Files.delete(p);
        } catch (DirectoryNotEmptyException ignored) {
          // a concurrent writer; leave it
        }
      }
    }
  }
}
