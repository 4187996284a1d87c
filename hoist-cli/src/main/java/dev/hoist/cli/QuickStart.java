package dev.hoist.cli;

import dev.hoist.api.RenderOptions.Engine;
import dev.hoist.api.RenderOptions.LoadRestrictor;
import dev.hoist.run.HoistVersion;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The commands shells run in loops, started without picocli: {@code hoist --version} and {@code
 * hoist render}. picocli builds its model of a command line by reflection, which on a cold JVM
 * takes about as long as the render itself (~80 ms; bench/startup/budget.sh). When the arguments
 * are plain — known options, each at most once, with valid values, in the forms {@code --name
 * value} and {@code --name=value}, and the directory once — the command runs at once. Anything else
 * (help, a typo, an option given twice, an {@code @file}, {@code --}, DIR and --all together) is
 * left to picocli, which prints what it always printed. {@code QuickStartTest} checks that both
 * read the same arguments into the same fields and that the option table is render's whole option
 * list.
 */
final class QuickStart {
  private QuickStart() {}

  /** render's options; a class of its own so that {@code --version} never builds them. */
  static final class Render {
    private Render() {}

    /** A render option: reads its value into the command; false when the value is not valid. */
    interface Option {
      boolean read(RenderCommand command, String value);
    }

    private static final Option ALL = (c, v) -> c.all = true;
    private static final Option OUTPUT = (c, v) -> (c.output = path(v)) != null;

    /** render's options by name ({@code --all} is a flag; the others take a value). */
    static final Map<String, Option> OPTIONS =
        Map.of(
            "--all",
            ALL,
            "--config",
            (c, v) -> (c.config = path(v)) != null,
            "--load-restrictor",
            (c, v) -> (c.restrictor = constant(LoadRestrictor.values(), v)) != null,
            "--engine",
            (c, v) -> (c.engine = constant(Engine.values(), v)) != null,
            "-o",
            OUTPUT,
            "--output",
            OUTPUT);
  }

  /** Runs {@code args} if they are plain; empty to leave them to picocli. */
  static OptionalInt run(PrintWriter rawOut, PrintWriter out, PrintWriter err, String... args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      rawOut.println("hoist " + HoistVersion.get()); // what picocli's version help prints
      rawOut.flush();
      return OptionalInt.of(0);
    }
    RenderCommand render = args.length > 0 && args[0].equals("render") ? render(args) : null;
    if (render == null) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(render.render(out, err));
    } catch (Exception e) { // as picocli's execution exception handler
      return OptionalInt.of(ErrorHandler.report(e, err)); // Main flushes
    }
  }

  /** {@code hoist render …} read as picocli would read it, or null if it is not plain. */
  static RenderCommand render(String... args) {
    RenderCommand command = new RenderCommand();
    command.config = Path.of("hoist.yaml");
    command.restrictor = LoadRestrictor.LoadRestrictionsRootOnly;
    command.engine = Engine.auto;
    Set<Render.Option> given = new HashSet<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("-")) {
        if (command.dir != null || arg.isEmpty() || arg.startsWith("@")) {
          return null;
        }
        if ((command.dir = path(arg)) == null) {
          return null;
        }
        continue;
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      Render.Option option = Render.OPTIONS.get(name);
      if (option == null || !given.add(option)) {
        return null;
      }
      String value;
      if (option == Render.ALL) {
        if (eq >= 0) {
          return null;
        }
        value = "";
      } else if (eq >= 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
        value = args[++i];
      } else {
        return null;
      }
      if (value.startsWith("@") || !option.read(command, value)) {
        return null;
      }
    }
    return command.misuse() == null ? command : null;
  }

  private static Path path(String value) {
    if (value.isEmpty()) {
      return null;
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /** The enum constant named {@code value}, case-insensitively as Main sets picocli up. */
  private static <E extends Enum<E>> E constant(E[] constants, String value) {
    for (E e : constants) {
      if (e.name().equalsIgnoreCase(value)) {
        return e;
      }
    }
    return null;
  }
}
