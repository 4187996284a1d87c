package dev.hoist.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A CustomResourceDefinition among the inputs (an overlay that installs it) is a schema too. */
class InputCrdsTest {
  private static final String CRD =
      """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: widgets.example.com}
      spec:
        group: example.com
        scope: Namespaced
        names: {kind: Widget, plural: widgets}
        versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  apiVersion: {type: string}
                  kind: {type: string}
                  metadata: {type: object}
                  spec:
                    type: object
                    properties:
                      size: {type: integer, minimum: 1}
                      color: {type: string}
                    x-kubernetes-validations:
                      - rule: "!has(self.color) || self.size > 1"
                        message: a colored widget is bigger than 1
      ---
      """;

  private static List<String> problems(String text) {
    return Validation.runTexts(Map.of("overlay.yaml", text), CrdSchemas.none()).problems().stream()
        .map(p -> p.object() + " " + p.path() + ": " + p.message())
        .toList();
  }

  private static String widget(String spec) {
    return "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w, namespace: x}\nspec: "
        + spec
        + "\n";
  }

  @Test
  void theInputsOwnCrdValidatesItsObjects() {
    assertEquals(List.of(), problems(CRD + widget("{size: 2, color: red}")));
    assertEquals(
        List.of("Widget/x/w .spec.sizee: unknown field \"sizee\" (known: size, color)"),
        problems(CRD + widget("{sizee: 2}")));
    assertEquals(
        List.of("Widget/x/w .spec: a colored widget is bigger than 1"),
        problems(CRD + widget("{size: 1, color: red}")));
    // without its CRD the object's kind is unknown: only its structure is checked
    assertEquals(List.of(), problems(widget("{sizee: 2}")));
  }
}
