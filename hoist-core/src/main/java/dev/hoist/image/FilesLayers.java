package dev.hoist.image;

import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The layers of a {@link FilesApp}. Walks every declared directory in name order (so the layer does
 * not depend on the file system's listing order), applies exclusions, and never takes {@code .env}
 * or {@code .env.*} from a directory: such files are skipped with a warning naming each path, and
 * only get in when a layer's {@code from} names the file itself. Symbolic links are skipped with a
 * warning (Jib cannot write them). File times are fixed and modes come from the declaration, not
 * the umask.
 */
final class FilesLayers {
  static final FilePermissions EXECUTABLE = FilePermissions.fromOctalString("755");

  private FilesLayers() {}

  /**
   * The layers in declaration order; warnings (skipped .env files, symlinks) go to {@code warn}.
   */
  static List<FileEntriesLayer> layers(FilesApp app, Consumer<String> warn) throws IOException {
    List<FileEntriesLayer> layers = new ArrayList<>();
    for (FileLayer declared : app.layers()) {
      layers.add(layer(app.name(), declared, warn));
    }
    return layers;
  }

  static boolean isDotEnv(String fileName) {
    return fileName.equals(".env") || fileName.startsWith(".env.");
  }

  private static FileEntriesLayer layer(String app, FileLayer declared, Consumer<String> warn)
      throws IOException {
    FileEntriesLayer.Builder builder = FileEntriesLayer.builder().setName(declared.name());
    List<PathMatcher> excludes =
        declared.exclude().stream()
            .map(p -> FileSystems.getDefault().getPathMatcher("glob:" + p))
            .toList();
    Map<String, Path> targets = new HashMap<>();
    AbsoluteUnixPath to = AbsoluteUnixPath.get(declared.to());
    for (Path from : declared.from()) {
      if (Files.isSymbolicLink(from) || !Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
        throw new NoSuchFileException(
            from.toString(),
            null,
            "app " + app + ", layer " + declared.name() + ": not found (or a symbolic link)");
      }
      if (Files.isRegularFile(from)) {
        add(builder, declared, from, to.resolve(from.getFileName().toString()), targets);
        continue;
      }
      if (!to.toString().equals("/") && !targets.containsKey(to.toString())) {
        add(
            builder, declared, from, to,
            targets); // the target directory itself gets the declared owner
      }
      List<Path> dotEnv = new ArrayList<>();
      try (Stream<Path> walk = Files.walk(from)) {
        for (Path path : walk.sorted().toList()) {
          if (path.equals(from)) {
            continue;
          }
          Path relative = from.relativize(path);
          if (excluded(excludes, relative)) {
            continue;
          }
          if (isDotEnv(path.getFileName().toString()) && !Files.isDirectory(path)) {
            dotEnv.add(path);
            continue;
          }
          if (Files.isSymbolicLink(path)) {
            warn.accept(
                "app " + app + ", layer " + declared.name() + ": skipped symbolic link " + path);
            continue;
          }
          String unix = relative.toString().replace('\\', '/');
          add(builder, declared, path, to.resolve(unix), targets);
        }
      }
      if (!dotEnv.isEmpty()) {
        warn.accept(
            "app "
                + app
                + ", layer "
                + declared.name()
                + ": not adding .env files (name them in from: "
                + "to add them): "
                + String.join(", ", dotEnv.stream().map(Path::toString).toList()));
      }
    }
    return builder.build();
  }

  private static boolean excluded(List<PathMatcher> excludes, Path relative) {
    for (Path p = relative; p != null; p = p.getParent()) {
      for (PathMatcher matcher : excludes) {
        if (matcher.matches(p) || matcher.matches(p.getFileName())) {
          return true;
        }
      }
    }
    return false;
  }

  private static void add(
      FileEntriesLayer.Builder builder,
      FileLayer declared,
      Path source,
      AbsoluteUnixPath target,
      Map<String, Path> targets)
      throws IOException {
    Path clash = targets.putIfAbsent(target.toString(), source);
    if (clash != null) {
      throw new IOException(
          "layer " + declared.name() + ": " + clash + " and " + source + " both map to " + target);
    }
    String owner =
        declared.owner() == null
            ? ""
            : declared.owner().contains(":")
                ? declared.owner()
                : declared.owner() + ":" + declared.owner();
    builder.addEntry(source, target, mode(declared, source), AppLayers.FILE_TIME, owner);
  }

  private static FilePermissions mode(FileLayer declared, Path source) throws IOException {
    if (Files.isDirectory(source)) {
      return AppLayers.DIR_MODE;
    }
    if (declared.fileMode() != null) {
      String octal = declared.fileMode();
      return FilePermissions.fromOctalString(octal.substring(octal.length() - 3));
    }
    boolean executable =
        Files.getPosixFilePermissions(source).contains(PosixFilePermission.OWNER_EXECUTE);
    return executable ? EXECUTABLE : AppLayers.FILE_MODE;
  }
}
