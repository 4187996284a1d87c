package dev.hoist.kustomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The crds file reader: lenient outside a Schema, strict inside, JSON or YAML by the first byte.
 */
class OpenApiFileTest {
  private static Map<String, Map<String, Object>> read(String text) {
    return OpenApiFile.read(text.getBytes(StandardCharsets.UTF_8), "f");
  }

  private static String error(String text) {
    return assertThrows(RenderException.class, () -> read(text)).getMessage();
  }

  @Test
  void outerKeysMatchAnyCaseAndTheLastRepeatWins() {
    Map<String, Map<String, Object>> defs =
        read(
            "{\"a\": {\"Schema\": {\"title\": \"one\"}, "
                + "\"schema\": {\"title\": \"two\"}}, \"b\": {\"SCHEMA\": {\"title\": \"x\"}}, \"b\": null}");
    assertEquals("two", defs.get("a").get("title"));
    assertEquals(Map.of(), defs.get("b"));
  }

  @Test
  void aRepeatedKeyInsideASchemaIsAnError() {
    assertEquals(
        "f: definition a: Schema: duplicate name x in object",
        error("{\"a\": {\"Schema\": {\"default\": {\"x\": 1, \"x\": 2}}}}"));
  }

  @Test
  void yamlRepeatsAreFineBecauseKustomizeConvertsYamlToJsonFirst() {
    assertEquals(
        "two",
        read("a:\n  Schema: {title: one}\n  Schema:\n    title: two\n").get("a").get("title"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\": {\"Schema\": {\"description\": 1}}}",
        "{\"a\": {\"Schema\": {\"properties\": []}}}",
        "{\"a\": {\"Schema\": {\"properties\": {\"p\": \"s\"}}}}",
        "{\"a\": {\"Schema\": {\"minItems\": 1.0}}}",
        "{\"a\": {\"Schema\": {\"type\": 1}}}",
        "{\"a\": {\"Schema\": {\"additionalProperties\": 1}}}",
        "{\"a\": {\"Schema\": {\"allOf\": [1]}}}",
        "{\"a\": {\"Schema\": {\"$ref\": \"%zz\"}}}",
        "{\"a\": {\"Schema\": {}, \"Dependencies\": [1]}}",
        "{\"a\": 1}",
        "[]",
        "{\"a\": {\"Schema\": []}}",
        "{a: {}}",
        "{\"a\": {'Schema': {}}}",
        "{\"a\": {\"Schema\": {\"title\": yes}}}"
      })
  void refusesWhatGoRefuses(String text) {
    assertEquals(-1, error(text).indexOf('\n'));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\": {\"Schema\": {\"Properties\": 1, \"items\": true, \"$ref\": 1}}}",
        "{\"a\": {\"Schema\": {\"dependencies\": {\"x\": 1}, \"type\": null, \"maxLength\": null}}}",
        "a:\n  Schema:\n    maxLength: 1.0\n",
        "null",
        "{\"a\": {\"Schema\": {\"x-any\": {\"k\": [1, true]}}}}"
      })
  void acceptsWhatGoAccepts(String text) {
    read(text);
  }

  @Test
  void emptyFileAndInvalidUtf8AreErrors() {
    assertEquals("f: empty file, expected OpenAPI definitions", error(""));
    assertThrows(
        RenderException.class, () -> OpenApiFile.read(new byte[] {'{', (byte) 0xff, '}'}, "f"));
  }

  @Test
  void onlyAFirstByteOfBraceMeansJson() {
    // with a leading space the text is YAML, where a single-quoted key is fine
    assertTrue(read(" {'a': {'Schema': {}}}").containsKey("a"));
  }
}
