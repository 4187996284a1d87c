package dev.hoist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.run.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingTest {
  @Test
  void aCommandThatEndsAsExpectedIsSilentAnUnexpectedExitIsNamed() {
    StringWriter err = new StringWriter();
    int unexpected =
        Training.run(
            List.of(
                new Training.Workload(ExitCode.OK, List.of("--version")),
                new Training.Workload(ExitCode.USAGE, List.of("--no-such-option")),
                new Training.Workload(ExitCode.OK, List.of("render", "--no-such-option"))),
            new PrintWriter(err, true));
    assertEquals(1, unexpected, err.toString());
    assertEquals(
        "training: 'hoist render --no-such-option' exited 2 (expected 0);"
            + " the recording may be shorter\n",
        err.toString());
  }

  @Test
  void whatTheWorkloadsWriteGoesUnderTheScratchDirectory() {
    Path scratch = Path.of("/scratch/cds");
    List<Training.Workload> all = Training.workloads(scratch);
    assertTrue(all.stream().anyMatch(w -> w.args().get(0).equals("render")), all.toString());
    assertTrue(all.stream().anyMatch(w -> w.args().get(0).equals("release")), all.toString());
    for (Training.Workload w : all) {
      int output = w.args().indexOf("--output");
      if (output >= 0) {
        assertTrue(Path.of(w.args().get(output + 1)).startsWith(scratch), w.toString());
      }
      if (w.args().get(0).equals("release")) {
        assertTrue(w.args().contains("--dry-run"), "a release that trains pushes nothing: " + w);
      }
    }
  }
}
