package dev.hoist.kustomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What YAML mappings remember about their nodes, and when they forget it. */
class YamlMapTest {

  @Test
  void emptyNullsAreKnownUntilTheValueChanges() {
    Map<String, Object> m = Tree.map(Values.single("a:\nb: ~\nc: {d: }\ne: 1\n", "t"));
    assertTrue(YamlMap.bare(m, "a"));
    assertFalse(YamlMap.bare(m, "b"));
    assertFalse(YamlMap.flow(m));
    assertTrue(YamlMap.flow(m.get("c")));
    assertTrue(YamlMap.bare((Map<?, ?>) m.get("c"), "d"));
    Map<String, Object> copy = Tree.deepCopyMap(m);
    assertTrue(YamlMap.bare(copy, "a"));
    assertTrue(YamlMap.flow(copy.get("c")));
    m.put("a", null);
    assertFalse(YamlMap.bare(m, "a"));
    assertTrue(YamlMap.bare(copy, "a"));
    copy.replaceAll((k, v) -> k.equals("a") ? "x" : v);
    assertFalse(YamlMap.bare(copy, "a"));
  }

  @Test
  void aJsonRoundTripRestoresTypedAnnotationsAndForgetsEmptyNulls() {
    String doc =
        """
        kind: ConfigMap
        metadata:
          name: c
          annotations:
            ratio: 1.0
            port: 8080
            empty:
            text: x
        data: {a: }
        other:
          b:
        """;
    Map<String, Object> r = Tree.map(Values.resources(doc, "t").get(0));
    Map<String, Object> annotations = new Res(r).annotations();
    assertEquals("1.0", annotations.get("ratio"));
    assertTrue(YamlMap.bare(annotations, "empty"));
    JsonRoundTrip.afterPatch(r);
    assertEquals(1.0, annotations.get("ratio"));
    assertEquals(8080.0, annotations.get("port"));
    assertEquals(null, annotations.get("empty"));
    assertEquals("x", annotations.get("text"));
    assertEquals("", Tree.map(r.get("data")).get("a"));
    assertFalse(YamlMap.bare(Tree.map(r.get("other")), "b"));
    assertFalse(YamlMap.flow(r.get("data")));
  }
}
