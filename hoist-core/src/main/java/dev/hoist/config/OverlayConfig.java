package dev.hoist.config;

import java.nio.file.Path;

/**
 * A Kustomize overlay: its name (an environment, e.g. {@code prod}) and its directory, relative to
 * the root.
 */
public record OverlayConfig(String name, Path dir) {}
