package dev.hoist.kustomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON 6902 patches starting with [ are read as strict JSON (as Go's encoding/json reads them). */
class StrictJsonTest {

  @Test
  void readsJsonValues() {
    Object v =
        StrictJson.parse(
            " [{\"a\": 1, \"b\": -2.5e1, \"c\": \"x\\u00e9\\n\\\"\", \"d\": [true, false, null],"
                + " \"e\": 12345678901234567890, \"a\": 2}]\n");
    Map<?, ?> m = (Map<?, ?>) ((List<?>) v).get(0);
    assertEquals(List.of("b", "c", "d", "e", "a"), List.copyOf(m.keySet()));
    assertEquals(2L, m.get("a"));
    assertEquals(-25.0, m.get("b"));
    assertEquals("xé\n\"", m.get("c"));
    assertEquals(Arrays.asList(true, false, null), m.get("d"));
    assertEquals(1.2345678901234567e19, m.get("e"));
  }

  @Test
  void refusesYamlAndBrokenJson() {
    for (String text :
        List.of(
            "[{op: add}]",
            "[{\"v\": 2002-12-14}]",
            "[1,]",
            "[01]",
            "[\"a\tb\"]",
            "[1] x",
            "[{\"a\" 1}]",
            "['a']",
            "[tru]",
            "[\"\\x\"]",
            "[")) {
      assertThrows(IllegalArgumentException.class, () -> StrictJson.parse(text), text);
    }
  }
}
