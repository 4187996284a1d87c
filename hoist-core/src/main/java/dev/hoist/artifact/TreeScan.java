package dev.hoist.artifact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Walks a tree the way Flux does (root first, then depth first with each directory's entries in
 * byte-wise name order), applying the ignore rules, hoist's .env rule and hoist's symlink policy.
 */
final class TreeScan {
  private static final Comparator<Path> BYTEWISE =
      (a, b) ->
          Arrays.compareUnsigned(
              a.getFileName().toString().getBytes(StandardCharsets.UTF_8),
              b.getFileName().toString().getBytes(StandardCharsets.UTF_8));

  private final ArtifactOptions options;
  private final IgnoreRules rules;
  private final List<TreeEntry> entries = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final Set<Path> openDirs = new HashSet<>();
  private Path root;

  private TreeScan(ArtifactOptions options) {
    this.options = options;
    this.rules = options.ignoreRules();
  }

  record Result(List<TreeEntry> entries, List<String> warnings) {}

  static Result scan(Path dirOrFile, ArtifactOptions options) throws IOException {
    TreeScan scan = new TreeScan(options);
    if (!Files.exists(dirOrFile)) {
      throw new IOException("artifact source does not exist: " + dirOrFile);
    }
    Path real = dirOrFile.toRealPath();
    if (Files.isDirectory(real)) {
      scan.root = real;
      scan.entries.add(new TreeEntry(".", real, true, scan.normalised(real, true, "."), 0));
      scan.directory(real, List.of());
    } else if (Files.isRegularFile(real)) {
      // Flux stages a single file in a fresh 0700 temp directory and archives that directory.
      scan.root = real.getParent();
      scan.entries.add(new TreeEntry(".", real.getParent(), true, 0700, 0));
      // named as given (a symlink given as the source keeps its own name, as with Flux's os.Stat)
      Path given = dirOrFile.toAbsolutePath().normalize().getFileName();
      scan.child(real, List.of(), (given != null ? given : real.getFileName()).toString());
      scan.singleFileMode();
    } else {
      throw new IOException(
          "artifact source is neither a directory nor a regular file: " + dirOrFile);
    }
    return new Result(List.copyOf(scan.entries), List.copyOf(scan.warnings));
  }

  private void directory(Path dir, List<String> parent) throws IOException {
    if (!openDirs.add(dir)) {
      throw new IOException("symlink cycle in artifact tree at: " + String.join("/", parent));
    }
    List<Path> children;
    try (Stream<Path> list = Files.list(dir)) {
      children = list.sorted(BYTEWISE).toList();
    }
    for (Path child : children) {
      child(child, parent, child.getFileName().toString());
    }
    openDirs.remove(dir);
  }

  private void child(Path path, List<String> parent, String fileName) throws IOException {
    List<String> components = new ArrayList<>(parent);
    components.add(fileName);
    String name = String.join("/", components);
    Path source = path;
    BasicFileAttributes attrs =
        Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (attrs.isSymbolicLink()) {
      if (rules.excluded(components, Files.isDirectory(path))) {
        return;
      }
      source = resolve(path, name);
      attrs = Files.readAttributes(source, BasicFileAttributes.class);
    }
    if (!attrs.isDirectory() && !attrs.isRegularFile()) {
      warnings.add("skipped special file (not a regular file or directory): " + name);
      return;
    }
    boolean excluded = rules.excluded(components, attrs.isDirectory());
    if (attrs.isDirectory()) {
      if (!excluded) {
        entries.add(new TreeEntry(name, source, true, normalised(source, true, name), 0));
      }
      if (!excluded || rules.mayReinclude()) {
        directory(source.toRealPath(), components);
      }
      return;
    }
    if (excluded) {
      return;
    }
    if (options.usesDefaultIgnores() && isEnvFile(fileName)) {
      warnings.add(
          "excluded " + name + " (.env files are never packed unless ignore patterns are given)");
      return;
    }
    entries.add(new TreeEntry(name, source, false, normalised(source, false, name), attrs.size()));
  }

  private Path resolve(Path link, String name) throws IOException {
    String target = Files.readSymbolicLink(link).toString();
    if (!options.resolveSymlinks()) {
      throw new IOException(
          "symlink not allowed in artifact: "
              + name
              + " -> "
              + target
              + " (enable resolveSymlinks to archive its target)");
    }
    Path real;
    try {
      real = link.toRealPath();
    } catch (IOException e) {
      throw new IOException("symlink target does not exist: " + name + " -> " + target);
    }
    if (!real.startsWith(root)) {
      throw new IOException("symlink points outside the artifact root: " + name + " -> " + target);
    }
    return real;
  }

  /** Flux copies a single file with its permission bits only (no setuid/setgid/sticky). */
  private void singleFileMode() {
    if (entries.size() == 2) {
      TreeEntry file = entries.get(1);
      entries.set(
          1, new TreeEntry(file.name(), file.source(), false, file.mode() & 0777, file.size()));
    }
  }

  static boolean isEnvFile(String fileName) {
    return fileName.equals(".env") || fileName.startsWith(".env.");
  }

  /**
   * The mode an entry is packed with, independent of the checkout's umask: directories 0755, files
   * 0755 when anyone may execute them and 0644 otherwise (what a checkout under umask 022 gives, so
   * such trees pack byte for byte as Flux packs them). Setuid, setgid and sticky bits are dropped
   * with a warning.
   */
  private int normalised(Path path, boolean directory, String name) throws IOException {
    int mode = mode(path);
    if ((mode & 07000) != 0) {
      warnings.add(
          "dropped setuid/setgid/sticky bits of "
              + name
              + " (mode 0"
              + Integer.toOctalString(mode)
              + "): artifacts carry plain modes");
    }
    return directory || (mode & 0111) != 0 ? 0755 : 0644;
  }

  /** Permission bits as on disk, including setuid/setgid/sticky when the platform reports them. */
  static int mode(Path path) throws IOException {
    try {
      Object mode = Files.getAttribute(path, "unix:mode");
      return ((Integer) mode) & 07777;
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return Modes.bits(Files.getPosixFilePermissions(path));
    }
  }
}
