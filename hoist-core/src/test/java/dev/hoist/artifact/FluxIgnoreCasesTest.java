package dev.hoist.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cases whose expected answer came from Flux's own Go matcher (see the resource's header). */
class FluxIgnoreCasesTest {

  @Test
  void matchesFluxOnRecordedCases() throws IOException {
    String text;
    try (InputStream in = getClass().getResourceAsStream("/artifact/flux-ignore-cases.tsv")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int checked = 0;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      IgnoreRules rules = new IgnoreRules(Arrays.asList(f[0].split("\\|", -1)));
      boolean excluded = rules.excluded(List.of(f[1].split("/")), f[2].equals("1"));
      assertEquals(f[3].equals("1"), excluded, line);
      checked++;
    }
    assertEquals(60, checked);
  }
}
