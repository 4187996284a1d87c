package dev.hoist.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code -f values.yaml} and {@code --set k=v}, as helm takes them. */
final class ChartValuesOptions {
  @Option(
      names = {"-f", "--values"},
      paramLabel = "values.yaml",
      description = "A values file (repeatable; later files win).")
  List<Path> values = new ArrayList<>();

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "A value on the command line (repeatable; wins over -f).")
  Map<String, String> set = new LinkedHashMap<>();
}
