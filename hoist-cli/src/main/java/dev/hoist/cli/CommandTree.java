package dev.hoist.cli;

import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * hoist's command tree, registered lazily. picocli builds a command's model by reflection when the
 * command is registered, which on a cold JVM costs more than most commands' own work; so only the
 * commands on the path the arguments name are registered. When an argument names no subcommand
 * (help, a typo, nothing), every child of that level is registered, so usage lists and "did you
 * mean" suggestions stay complete; {@code --version} needs none.
 */
final class CommandTree {
  private static final CommandLine.IVersionProvider VERSION = new HoistCommand.Version();
  private final String name;
  private final Supplier<Object> command;
  private final List<CommandTree> children;

  private CommandTree(String name, Supplier<Object> command, CommandTree... children) {
    this.name = name;
    this.command = command;
    this.children = List.of(children);
  }

  /** Every hoist command. The order is the order of the usage list. */
  static final CommandTree HOIST =
      new CommandTree(
          "hoist",
          HoistCommand::new,
          new CommandTree("init", InitCommand::new),
          new CommandTree("release", ReleaseCommand::new),
          new CommandTree(
              "flux", FluxCommand::new, new CommandTree("generate", FluxGenerateCommand::new)),
          new CommandTree("validate", ValidateCommand::new),
          new CommandTree("lint", LintCommand::new),
          new CommandTree("diff", DiffCommand::new),
          new CommandTree(
              "artifact",
              ArtifactCommand::new,
              new CommandTree("build", ArtifactBuildCommand::new),
              new CommandTree("push", ArtifactPushCommand::new),
              new CommandTree("pull", ArtifactPullCommand::new),
              new CommandTree("tag", ArtifactTagCommand::new),
              new CommandTree("list", ArtifactListCommand::new),
              new CommandTree("diff", ArtifactDiffCommand::new)),
          new CommandTree(
              "chart",
              ChartCommand::new,
              new CommandTree("lint", ChartLintCommand::new),
              new CommandTree("template", ChartTemplateCommand::new),
              new CommandTree("package", ChartPackageCommand::new),
              new CommandTree("push", ChartPushCommand::new),
              new CommandTree("pull", ChartPullCommand::new)),
          new CommandTree(
              "image", ImageCommand::new, new CommandTree("build", ImageBuildCommand::new)),
          new CommandTree(
              "preview",
              PreviewCommand::new,
              new CommandTree("up", PreviewCommand.Up::new),
              new CommandTree("down", PreviewCommand.Down::new),
              new CommandTree("status", PreviewCommand.Status::new)),
          new CommandTree(
              "sign",
              SignCommand::new,
              new CommandTree("generate-key", SignCommand.GenerateKey::new)),
          new CommandTree("verify", VerifyCommand::new),
          new CommandTree("sbom", SbomCommand::new),
          new CommandTree("render", RenderCommand::new),
          new CommandTree(
              "overlay",
              OverlayCommand::new,
              new CommandTree("set-image", OverlayCommand.SetImage::new)));

  /** The command line for {@code args}: this command, with the children {@code args} can reach. */
  CommandLine commandLine(String... args) {
    return commandLine(args, 0);
  }

  /** Every command, eagerly (for checks over the whole tree). */
  CommandLine full() {
    return commandLine(new String[0], Integer.MAX_VALUE);
  }

  private CommandLine commandLine(String[] args, int next) {
    CommandLine line = new CommandLine(command.get());
    line.getCommandSpec().versionProvider(VERSION); // every command's -V prints hoist's version
    CommandTree named = next < args.length ? child(args[next]) : null;
    if (named == null
        && next < args.length
        && (args[next].equals("-V") || args[next].equals("--version"))) {
      return line; // the version needs no subcommands
    }
    for (CommandTree child : children) {
      if (named == null || named == child) {
        line.addSubcommand(
            child.name, child.commandLine(args, named == null ? Integer.MAX_VALUE : next + 1));
      }
    }
    return line;
  }

  private CommandTree child(String arg) {
    for (CommandTree child : children) {
      if (child.name.equals(arg)) {
        return child;
      }
    }
    return null;
  }
}
