package dev.hoist.kustomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Field specs derived from OpenAPI definitions, and the path helpers they use. */
class CrdsTest {
  private static final String KIND = "{\"kind\": {}, \"apiVersion\": {}, \"metadata\": {}";

  private static Config derive(String json) {
    Config config = new Config();
    Crds.derive(OpenApiFile.read(json.getBytes(StandardCharsets.UTF_8), "f"), config, "f");
    return config;
  }

  @Test
  void derivesEverySpecKindAlongRefs() {
    Config c =
        derive(
            "{\"x.y.v1.Box\": {\"Schema\": {\"properties\": "
                + KIND
                + ", \"spec\": {\"$ref\": \"S\"}}}},"
                + "\"S\": {\"Schema\": {\"properties\": {"
                + "\"ref\": {\"x-kubernetes-object-ref-api-version\": \"v2\", \"x-kubernetes-object-ref-kind\": \"Lid\","
                + " \"x-kubernetes-object-ref-name-key\": \"lidName\"},"
                + "\"ann\": {\"x-kubernetes-annotation\": \"\"}, \"sel\": {\"x-kubernetes-label-selector\": \"\"},"
                + "\"id\": {\"x-kubernetes-identity\": \"\"}, \"no\": {\"x-kubernetes-identity\": true}}}}}");
    assertTrue(c.annotations.contains(FieldSpec.of("Box", "spec/ann", false)));
    assertTrue(c.selectors.contains(FieldSpec.of("Box", "spec/sel", false)));
    assertEquals(List.of(FieldSpec.of("Box", "spec/id", false)), c.prefix);
    assertEquals(
        new NameRefs.Ref("Lid", "v2", FieldSpec.of("Box", "spec/ref/lidName", false), false),
        c.nameReferences.get(c.nameReferences.size() - 1));
  }

  @Test
  void definitionsThatAreNotKindsContributeOnlyThroughRefs() {
    Config c =
        derive(
            "{\"S\": {\"Schema\": {\"properties\": {\"id\": {\"x-kubernetes-identity\": \"\"}}}}}");
    assertEquals(List.of(), c.prefix);
  }

  @Test
  void theSameSpecIsAddedOnce() {
    String def =
        "Box\": {\"Schema\": {\"properties\": "
            + KIND
            + ", \"id\": {\"x-kubernetes-identity\": \"\"}}}}";
    Config c = new Config();
    Crds.derive(
        OpenApiFile.read(("{\"" + def + "}").getBytes(StandardCharsets.UTF_8), "f"), c, "f");
    Crds.derive(
        OpenApiFile.read(("{\"other." + def + "}").getBytes(StandardCharsets.UTF_8), "f"), c, "f");
    assertEquals(List.of(FieldSpec.of("Box", "id", false)), c.prefix);
  }

  @Test
  void aRefCycleIsAnErrorWhereKustomizeOverflowsItsStack() {
    RenderException e =
        assertThrows(
            RenderException.class,
            () ->
                derive(
                    "{\"Box\": {\"Schema\": {\"properties\": "
                        + KIND
                        + ", \"a\": {\"$ref\": \"A\"}}}}, \"A\": {\"Schema\": {\"properties\": {\"b\": {\"$ref\": \"A\"}}}}}"));
    assertEquals("f: definition A refers to itself through $ref", e.getMessage());
  }

  @Test
  void refsGoWouldRewriteAreRefused() {
    assertThrows(
        RenderException.class,
        () ->
            derive(
                "{\"Box\": {\"Schema\": {\"properties\": "
                    + KIND
                    + ", \"a\": {\"$ref\": \"a b\"}}}}}"));
  }

  @Test
  void goUrlChecks() {
    GoUrl.check("github.com/x/y/v1.Foo", "f");
    GoUrl.check("#/definitions/a", "f");
    GoUrl.check("http://h/a%41?q=%zz", "f");
    for (String bad : List.of("a%4", "%zz", ":x", "1a:b", "a\tb", "x#%g0")) {
      assertThrows(RenderException.class, () -> GoUrl.check(bad, "f"), bad);
    }
    assertTrue(GoUrl.roundTrips("io.k8s.api.core.v1.Pod"));
    assertTrue(!GoUrl.roundTrips("a//b") && !GoUrl.roundTrips("a b") && !GoUrl.roundTrips("s:x"));
  }

  @Test
  void goPathJoinCleans() {
    assertEquals("base/d.yaml", GoPath.join("", "./base/../base/", "d.yaml"));
    assertEquals("../x", GoPath.join("a", "../../x"));
    assertEquals("kustomization.yaml", GoPath.join("", "kustomization.yaml"));
    assertEquals("", GoPath.join("", ""));
    assertEquals(".", GoPath.join("a", ".."));
  }
}
