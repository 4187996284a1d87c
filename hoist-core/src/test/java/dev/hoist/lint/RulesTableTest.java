package dev.hoist.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The README's rule table is generated from the rule definitions; this keeps it fresh. */
class RulesTableTest {
  static String table() {
    StringBuilder out = new StringBuilder("| rule | severity | finds |\n| --- | --- | --- |\n");
    for (Rule r : Rules.all()) {
      out.append("| `")
          .append(r.id())
          .append("` | ")
          .append(r.severity().label())
          .append(" | ")
          .append(r.summary())
          .append(" |\n");
    }
    return out.toString();
  }

  @Test
  void theReadmeHoldsTheGeneratedTable() throws Exception {
    String readme = Files.readString(Path.of("../README.md"));
    assertTrue(
        readme.contains(table()), "README's rule table is stale; it should read:\n" + table());
  }

  @Test
  void everyRuleHasAUniqueIdAndItsExplanation() {
    Set<String> ids = new HashSet<>();
    for (Rule r : Rules.all()) {
      assertTrue(ids.add(r.id()), r.id());
      assertTrue(r.id().matches("[a-z][a-z0-9-]+"), r.id());
      assertTrue(!r.summary().isBlank() && !r.why().isBlank() && !r.fix().isBlank(), r.id());
      assertEquals(r, Rules.byId(r.id()).orElseThrow());
    }
  }
}
