package dev.hoist.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h}/{@code --help} alone, for the commands whose {@code --version} is a chart's version
 * ({@code chart package}, {@code chart pull}): picocli's standard help options would add {@code
 * -V}/{@code --version} too, and on that clash picocli silently leaves out {@code --help} as well.
 */
final class HelpOption {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;
}
