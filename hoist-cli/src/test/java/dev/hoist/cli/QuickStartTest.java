package dev.hoist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.testing.Processes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** {@link QuickStart} reads what picocli reads, and leaves to picocli what it does not. */
class QuickStartTest {
  /** Argument lists QuickStart must read, each into the fields picocli reads it into. */
  private static final List<List<String>> PLAIN =
      List.of(
          List.of("overlays/prod"),
          List.of("--all"),
          List.of("--all", "--config", "other.yaml", "--engine", "Kubectl"),
          List.of("--engine=embedded", "dir", "-o", "out.yaml"),
          List.of("-o=out.yaml", "dir", "--load-restrictor", "loadrestrictionsnone"),
          List.of("--output", "x/y.yaml", "--config=c.yaml", "dir"),
          List.of("dir", "--load-restrictor=LoadRestrictionsRootOnly", "--engine", "AUTO"));

  /** Argument lists QuickStart must leave to picocli (help, errors, forms it does not read). */
  private static final List<List<String>> NOT_PLAIN =
      List.of(
          List.of(),
          List.of("--help"),
          List.of("-h", "dir"),
          List.of("dir", "--all"),
          List.of("--all", "-o", "x.yaml"),
          List.of("a", "b"),
          List.of("--engine", "helm", "dir"),
          List.of("--engine", "auto", "--engine", "auto", "dir"),
          List.of("-o", "a", "--output", "b", "dir"),
          List.of("dir", "--engine"),
          List.of("dir", "--config", "--all"),
          List.of("--all=true"),
          List.of("--", "dir"),
          List.of("@args.txt"),
          List.of("dir", "--config", "@c"),
          List.of("-oout.yaml", "dir"),
          List.of("--eng", "auto", "dir"),
          List.of("dir", "-V"),
          List.of(""),
          List.of("dir", "--config", ""));

  private static List<String> render(List<String> args) {
    List<String> all = new ArrayList<>(List.of("render"));
    all.addAll(args);
    return all;
  }

  /** The fields picocli's parse sets, as one string. */
  private static String fields(RenderCommand c) {
    return String.join(
        " | ",
        String.valueOf(c.dir),
        String.valueOf(c.all),
        String.valueOf(c.config),
        String.valueOf(c.restrictor),
        String.valueOf(c.engine),
        String.valueOf(c.output));
  }

  private static RenderCommand picocliReads(List<String> args) {
    RenderCommand command = new RenderCommand();
    new CommandLine(command)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .parseArgs(args.toArray(String[]::new));
    return command;
  }

  @Test
  void readsPlainArgumentsIntoTheFieldsPicocliReadsThemInto() {
    for (List<String> args : PLAIN) {
      RenderCommand quick = QuickStart.render(render(args).toArray(String[]::new));
      assertNotNull(quick, args.toString());
      assertEquals(fields(picocliReads(args)), fields(quick), args.toString());
      assertNull(quick.misuse(), args.toString());
    }
  }

  /**
   * Random argument lists over render's vocabulary: whatever QuickStart reads, picocli reads too,
   * into the same fields, and finds no misuse in. (QuickStart may leave more to picocli than it
   * needs to; it must never read something differently.)
   */
  @Test
  void whatItReadsPicocliReadsAlikeForRandomArgumentLists() {
    List<String> words =
        List.of(
            "--all",
            "--all=true",
            "--config",
            "--config=c.yaml",
            "--config=",
            "c.yaml",
            "--engine",
            "--engine=kubectl",
            "embedded",
            "AUTO",
            "helm",
            "--load-restrictor",
            "LoadRestrictionsNone",
            "loadrestrictionsrootonly",
            "-o",
            "-o=out.yaml",
            "-oout.yaml",
            "--output",
            "--output=o.yaml",
            "out.yaml",
            "dir",
            "other/dir",
            "a=b",
            "--",
            "-",
            "@x",
            "",
            "-h",
            "--help",
            "-V",
            "--eng",
            "--ALL");
    java.util.Random random = new java.util.Random(17);
    int read = 0;
    for (int n = 0; n < 20_000; n++) {
      List<String> args = new ArrayList<>();
      for (int k = random.nextInt(7); k > 0; k--) {
        args.add(words.get(random.nextInt(words.size())));
      }
      RenderCommand quick = QuickStart.render(render(args).toArray(String[]::new));
      if (quick == null) {
        continue;
      }
      read++;
      RenderCommand viaPicocli;
      try {
        viaPicocli = picocliReads(args);
      } catch (CommandLine.ParameterException e) {
        throw new AssertionError(args + ": QuickStart read it, picocli refused: " + e.getMessage());
      }
      assertEquals(fields(viaPicocli), fields(quick), args.toString());
      assertNull(viaPicocli.misuse(), args.toString());
    }
    assertTrue(read > 1_000, "too few lists read to compare: " + read);
  }

  @Test
  void leavesEverythingElseToPicocli() {
    for (List<String> args : NOT_PLAIN) {
      assertNull(QuickStart.render(render(args).toArray(String[]::new)), args.toString());
    }
  }

  @Test
  void knowsEveryOptionRenderHas() {
    Set<String> picocli = new TreeSet<>();
    CommandLine line = new CommandLine(new RenderCommand());
    for (OptionSpec option : line.getCommandSpec().options()) {
      if (!option.usageHelp() && !option.versionHelp()) {
        picocli.addAll(Arrays.asList(option.names()));
        assertEquals(
            option.arity().max() == 0,
            QuickStart.Render.OPTIONS.get(option.longestName())
                == QuickStart.Render.OPTIONS.get("--all"),
            option.longestName() + ": a flag in one table is a flag in the other");
      }
    }
    assertEquals(picocli, new TreeSet<>(QuickStart.Render.OPTIONS.keySet()));
    assertEquals(1, line.getCommandSpec().positionalParameters().size(), "DIR is the only one");
  }

  @Test
  void versionPrintsWhatPicocliPrints() {
    for (String flag : List.of("--version", "-V")) {
      StringWriter quick = new StringWriter();
      StringWriter viaPicocli = new StringWriter();
      PrintWriter none = new PrintWriter(new StringWriter());
      assertEquals(0, Main.run(new PrintWriter(quick), none, flag));
      assertEquals(0, Main.picocli(new PrintWriter(viaPicocli), none, flag));
      assertEquals(viaPicocli.toString(), quick.toString());
      assertTrue(quick.toString().startsWith("hoist "), quick.toString());
    }
  }

  @Test
  void renderFailuresAreOneLineWithPicocliExitCodes(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("kustomization.yaml"), "resources: [missing.yaml]\n");
    for (String[] args :
        new String[][] {
          {"render", dir.toString()}, {"render", dir.resolve("none").toString()},
        }) {
      StringWriter quickErr = new StringWriter();
      StringWriter picocliErr = new StringWriter();
      PrintWriter none = new PrintWriter(new StringWriter());
      int quick = Main.run(none, new PrintWriter(quickErr), args);
      int viaPicocli = Main.picocli(none, new PrintWriter(picocliErr), args);
      assertEquals(viaPicocli, quick);
      assertEquals(1, quick);
      assertEquals(picocliErr.toString(), quickErr.toString());
    }
  }

  /** The point of it all: a cold JVM running these never builds picocli's model. */
  @Test
  void aColdRenderAndVersionNeverLoadPicocli(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("kustomization.yaml"), "resources: [cm.yaml]\nnamePrefix: p-\n");
    Files.writeString(
        dir.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
    String java = ProcessHandle.current().info().command().orElse("java");
    for (List<String> args :
        List.of(List.of("render", dir.toString(), "--engine", "embedded"), List.of("--version"))) {
      List<String> command =
          new ArrayList<>(
              List.of(
                  java,
                  "-Xshare:off",
                  "-Xlog:class+load=info:stdout",
                  "-cp",
                  System.getProperty("java.class.path"),
                  Main.class.getName()));
      command.addAll(args);
      Processes.Result run = Processes.run(dir, command, 60).requireSuccess();
      List<String> picocli =
          Stream.of(run.stdout().split("\n"))
              .filter(l -> l.contains(" picocli.CommandLine "))
              .toList();
      assertTrue(run.stdout().contains(" dev.hoist.cli.QuickStart "), args.toString());
      assertEquals(List.of(), picocli, args.toString());
      assertFalse(run.stdout().contains("$Model$"), args + ": picocli's model classes loaded");
    }
  }
}
