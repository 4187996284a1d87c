package dev.hoist.preview;

import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;
import dev.hoist.run.Progress;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the tools a preview drives ({@code docker}, {@code kind}, {@code kubectl}) with a time
 * limit; a failure is one line naming the command and the tool's last line of stderr.
 */
final class Commands {
  private final Progress progress;

  Commands(Progress progress) {
    this.progress = progress;
  }

  /** Runs {@code command}; its stdout, or a {@link HoistException} (exit 1) when it fails. */
  String run(KindSetup.Command command, Duration timeout) {
    Result r = attempt(command, timeout);
    if (r.code() != 0) {
      throw new HoistException(
          ExitCode.FAILURE, String.join(" ", command.args()) + " failed: " + r.lastError());
    }
    return r.out();
  }

  /** Runs {@code command} and returns its exit code and output, failing only when it cannot run. */
  Result attempt(KindSetup.Command command, Duration timeout) {
    progress.say("preview: " + String.join(" ", command.args()));
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("hoist-preview", ".out");
      err = Files.createTempFile("hoist-preview", ".err");
      Process process =
          new ProcessBuilder(command.args())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      try (OutputStream stdin = process.getOutputStream()) {
        if (command.stdin() != null) {
          stdin.write(command.stdin().getBytes(StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        // the tool exited without reading its input: its exit code says why
      }
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new HoistException(
            ExitCode.FAILURE,
            String.join(" ", command.args())
                + " did not finish within "
                + timeout.toSeconds()
                + " s");
      }
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new HoistException(
          ExitCode.FAILURE, "cannot run " + command.args().get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HoistException(ExitCode.FAILURE, "interrupted");
    } finally {
      if (out != null) {
        out.toFile().delete();
      }
      if (err != null) {
        err.toFile().delete();
      }
    }
  }

  static KindSetup.Command of(String... args) {
    return new KindSetup.Command(List.of(args), null);
  }

  /** Exit code, stdout and stderr of a finished command. */
  record Result(int code, String out, String err) {
    String lastError() {
      return err.lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty())
          .reduce((a, b) -> b)
          .orElse("exit " + code);
    }
  }
}
