package dev.hoist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The lazily registered command tree behaves like the whole tree for every path the arguments can
 * name.
 */
class CommandTreeTest {

  @Test
  void everyCommandPathRegistersOnlyItsOwnPathAndTheSameCommand() {
    CommandLine full = CommandTree.HOIST.full();
    List<List<String>> paths = new ArrayList<>();
    collect(full, new ArrayList<>(), paths);
    assertEquals(34, paths.size(), "hoist, 15 commands, 18 subcommands: " + paths);
    for (List<String> path : paths) {
      CommandLine lazy = CommandTree.HOIST.commandLine(path.toArray(String[]::new));
      CommandLine eager = full;
      for (String name : path) {
        assertEquals(
            List.of(name),
            List.copyOf(lazy.getSubcommands().keySet()),
            "registered beside " + path);
        lazy = lazy.getSubcommands().get(name);
        eager = eager.getSubcommands().get(name);
      }
      assertEquals(eager.getCommandSpec().qualifiedName(), lazy.getCommandSpec().qualifiedName());
      assertEquals(
          eager.getCommandSpec().options().size(),
          lazy.getCommandSpec().options().size(),
          path.toString());
      assertEquals(
          eager.getSubcommands().keySet(),
          lazy.getSubcommands().keySet(),
          "a path that stops at a group registers all of its children: " + path);
    }
  }

  @Test
  void helpListsEveryCommandInOrder() {
    String help = run("--help");
    List<String> listed = new ArrayList<>();
    for (String line : help.split("\n", -1)) {
      if (line.matches("  [a-z-]+ .*")) {
        listed.add(line.trim().split(" ", -1)[0]);
      }
    }
    assertEquals(
        List.of(
            "init",
            "release",
            "flux",
            "validate",
            "lint",
            "diff",
            "artifact",
            "chart",
            "image",
            "preview",
            "sign",
            "verify",
            "sbom",
            "render",
            "overlay"),
        listed,
        help);
  }

  @Test
  void versionRegistersNoSubcommandsAndStillPrintsTheVersion() {
    assertEquals(
        List.of(),
        List.copyOf(CommandTree.HOIST.commandLine("--version").getSubcommands().keySet()));
    assertTrue(run("--version").startsWith("hoist "), "version line");
    assertTrue(run("artifact", "push", "-V").startsWith("hoist "), "version of a subcommand");
  }

  @Test
  void everyCommandPrintsItsHelpWithDashDashHelp() {
    List<List<String>> paths = new ArrayList<>();
    collect(CommandTree.HOIST.full(), new ArrayList<>(), paths);
    for (List<String> path : paths) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
      assertEquals(0, code, path + ": " + err);
      String help = out.toString();
      assertTrue(
          help.startsWith(
              String.join(" ", List.of("Usage:", "hoist", String.join(" ", path))).strip()),
          path + ": " + help);
    }
  }

  @Test
  void aMistypedCommandStillGetsSuggestions() {
    StringWriter err = new StringWriter();
    int code =
        Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "artifact", "pus");
    assertEquals(2, code);
    assertTrue(err.toString().contains("Did you mean: artifact push"), err.toString());
  }

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    assertEquals(0, Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), args));
    return out.toString();
  }

  private static void collect(CommandLine line, List<String> path, List<List<String>> paths) {
    paths.add(List.copyOf(path));
    for (Map.Entry<String, CommandLine> e : line.getSubcommands().entrySet()) {
      path.add(e.getKey());
      collect(e.getValue(), path, paths);
      path.remove(path.size() - 1);
    }
  }
}
