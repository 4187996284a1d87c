package dev.hoist.cli;

import picocli.CommandLine.Option;

/**
 * {@code --creds} of the project commands (release, image build); the artifact commands have it in
 * RegistryOptions.
 */
final class CredsOption {
  @Option(
      names = "--creds",
      paramLabel = "USER:PASSWORD",
      converter = CredsFormat.class,
      description = "Registry credentials (default: docker config, GITHUB_TOKEN for ghcr.io).")
  String value;

  @picocli.CommandLine.Mixin TimeoutOption timeout;
}
