package dev.hoist.artifact;

import java.nio.file.Path;

/**
 * One entry to archive: its tar name ({@code .} for the root, no trailing slash), where its content
 * comes from, and its permission bits.
 */
record TreeEntry(String name, Path source, boolean directory, int mode, long size) {}
