package dev.hoist.image;

import java.util.List;
import java.util.Map;

/**
 * An application to pack into an image: a {@link JvmApp} or a {@link FilesApp}. The settings here
 * are common to both kinds; the layers and entrypoint are each kind's own.
 */
public sealed interface ContainerApp permits JvmApp, FilesApp {

  /** The application's name (used in results and messages). */
  String name();

  /** Exposed TCP ports. */
  List<Integer> ports();

  /** Environment variables. */
  Map<String, String> env();

  /** Absolute working directory, or null to keep the base image's. */
  String workingDirectory();

  /** {@code uid[:gid]} or a name, or null to keep the base image's. */
  String user();

  /**
   * True when the image would run as root: the user is {@code root}, {@code 0} or {@code 0:...}.
   */
  static boolean runsAsRoot(String user) {
    if (user == null) {
      return false;
    }
    String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
    return name.equals("root") || name.equals("0");
  }
}
