package dev.hoist.kustomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one-line errors for unknown fields and values of the wrong type in a kustomization (the
 * conformance cases only check that both engines fail): the file, the field's place and the key as
 * written or the value.
 */
class KustomizationFieldsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "error-unknown-image-field|images[0]: unknown field \"tag\" (Image fields: name, newName,"
            + " tagSuffix, newTag, digest)",
        "error-unknown-patch-target-field|patches[0].target: unknown field \"names\" (Selector"
            + " fields: group, version, kind, name, namespace, annotationSelector, labelSelector)",
        "error-unknown-generator-option|configMapGenerator[0].options: unknown field"
            + " \"disableHash\" (GeneratorOptions fields: labels, annotations,"
            + " disableNameSuffixHash, immutable)",
        "error-unknown-label-fieldspec-field|labels[0].fields[0]: unknown field \"fieldPath\""
            + " (FieldSpec fields: group, version, kind, path, create)",
        "error-unknown-replacement-option|replacements[0].targets[0].options: unknown field"
            + " \"delim\" (FieldOptions fields: delimiter, index, encoding, create)",
        "error-inventory-field|unknown field \"inventory\" (not a field of a Kustomization)",
        "error-unknown-field|unknown field \"namePrefx\" (not a field of a Kustomization)",
        "error-type-string-field-number|images[0].newTag: expected a string, not the number 1.5"
            + " (quote it)",
        "error-type-bool-field-string|labels[0].includeSelectors: expected a bool, not the string"
            + " \"true\"",
        "error-type-patch-option-string|patches[0].options.allowNameChange: expected a bool, not"
            + " the string \"yes\"",
        "error-type-target-not-mapping|patches[0].target: expected a mapping (Selector), not the"
            + " string \"Deployment\"",
        "error-sort-unknown-option|sortOptions: unknown field \"fifo\" (SortOptions fields:"
            + " order, legacySortOptions)"
      })
  void namesTheFileTheFieldAndTheKey(String name, String message) throws Exception {
    Path dir = KustomizeConformanceTest.CASES.resolve(name);
    RenderException e =
        assertThrows(
            RenderException.class,
            () -> Renderer.render(dir, LoadRestrictor.LoadRestrictionsRootOnly));
    assertEquals(dir.toRealPath().resolve("kustomization.yaml") + ": " + message, e.getMessage());
  }
}
