package dev.hoist.artifact;

import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** Permission bits to and from {@link PosixFilePermission} sets. */
final class Modes {
  private Modes() {}

  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    for (PosixFilePermission p : PosixFilePermission.values()) {
      if ((mode & bit(p)) != 0) {
        set.add(p);
      }
    }
    return set;
  }

  static int bits(Set<PosixFilePermission> permissions) {
    int bits = 0;
    for (PosixFilePermission p : permissions) {
      bits |= bit(p);
    }
    return bits;
  }

  private static int bit(PosixFilePermission p) {
    return switch (p) {
      case OWNER_READ -> 0400;
      case OWNER_WRITE -> 0200;
      case OWNER_EXECUTE -> 0100;
      case GROUP_READ -> 040;
      case GROUP_WRITE -> 020;
      case GROUP_EXECUTE -> 010;
      case OTHERS_READ -> 04;
      case OTHERS_WRITE -> 02;
      case OTHERS_EXECUTE -> 01;
    };
  }
}
