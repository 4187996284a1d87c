package dev.hoist.kustomize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Annotation values print as kustomize prints them (the conformance cases compare whole builds with
 * kubectl).
 */
class AnnotationsTest {

  @Test
  void nonStringValuesPrintAsGoYamlWritesThem() {
    assertEquals("x", Annotations.text("x"));
    assertEquals("null", Annotations.text(null));
    assertEquals("true", Annotations.text(true));
    assertEquals("1000000", Annotations.text(1000000L));
    assertEquals("1e+06", Annotations.text(1e6));
    assertEquals("", Annotations.text(List.of(1)));
    assertEquals("", Annotations.text(Map.of("a", 1)));
  }

  @Test
  void resourceAnnotationsKeepTheirSourceTextAndPatchNullsStayDeletions() {
    String doc =
        """
        kind: ConfigMap
        metadata:
          name: c
          annotations:
            port: 8080
            ratio: 1.0
            gone: null
            list: [1]
          labels:
            ratio: 1.0
        data:
          ratio: 1.0
        """;
    Map<String, Object> resource = Tree.map(Values.resources(doc, "r.yaml").get(0));
    Map<String, Object> meta = Tree.map(resource.get("metadata"));
    Map<String, Object> expected = new java.util.LinkedHashMap<>();
    expected.put("port", "8080");
    expected.put("ratio", "1.0");
    expected.put("gone", "null");
    expected.put("list", "");
    assertEquals(expected, meta.get("annotations"));
    assertEquals(Map.of("ratio", 1.0), meta.get("labels"));
    assertEquals(Map.of("ratio", 1.0), resource.get("data"));

    Map<String, Object> patch = Tree.map(Values.patches(doc, "p.yaml").get(0));
    Map<String, Object> patchAnnotations =
        Tree.map(Tree.map(patch.get("metadata")).get("annotations"));
    assertEquals(null, patchAnnotations.get("gone"));
    assertEquals(true, patchAnnotations.containsKey("gone"));
    assertEquals("8080", patchAnnotations.get("port"));
  }
}
