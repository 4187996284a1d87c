package dev.hoist.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Flux's --filter-semver ranges, with the semantics of Masterminds semver v3 (cases from its docs).
 */
class SemverRangeTest {

  @ParameterizedTest(name = "{0} vs {1} -> {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        // plain comparisons
        "1.2.3        ; 1.2.3        ; true",
        "=1.2.3       ; 1.2.4        ; false",
        "!=1.2.3      ; 1.2.4        ; true",
        "!=1.2.3      ; 1.2.3        ; false",
        ">1.2.3       ; 1.2.4        ; true",
        ">1.2.3       ; 1.2.3        ; false",
        "<1.2.3       ; 1.2.2        ; true",
        ">=1.2.3      ; 1.2.3        ; true",
        "=>1.2.3      ; 1.2.3        ; true",
        "<=1.2.3      ; 1.2.4        ; false",
        "=<1.2.3      ; 1.2.3        ; true",
        // AND by comma or space, OR by ||
        ">=1.2.0, <2.0.0 ; 1.9.9     ; true",
        ">=1.2.0, <2.0.0 ; 2.0.0     ; false",
        ">=1.2.0 <2.0.0  ; 1.2.0     ; true",
        "<1.0.0 || >=3.0.0 ; 0.5.0   ; true",
        "<1.0.0 || >=3.0.0 ; 2.0.0   ; false",
        "<1.0.0 || >=3.0.0 ; 3.1.0   ; true",
        // hyphen ranges
        "1.2 - 1.4.5  ; 1.2.0        ; true",
        "1.2 - 1.4.5  ; 1.4.5        ; true",
        "1.2 - 1.4.5  ; 1.4.6        ; false",
        "2.3.4 - 4.5  ; 4.5.9        ; true",
        "2.3.4 - 4.5  ; 4.6.0        ; false",
        // wildcards and missing parts
        "1.2.x        ; 1.2.9        ; true",
        "1.2.x        ; 1.3.0        ; false",
        "1.x          ; 1.9.0        ; true",
        "*            ; 7.0.0        ; true",
        ">= 1.2.x     ; 1.2.0        ; true",
        "<= 2.x       ; 2.9.9        ; true",
        "<= 2.x       ; 3.0.0        ; false",
        ">2.x         ; 2.5.0        ; false",
        ">2.x         ; 3.0.0        ; true",
        ">1.1         ; 1.1.9        ; false",
        ">1.1         ; 1.2.0        ; true",
        "!=4.x        ; 4.1.0        ; false",
        "!=4.x        ; 5.0.0        ; true",
        // tilde
        "~1.2.3       ; 1.2.9        ; true",
        "~1.2.3       ; 1.3.0        ; false",
        "~1.2         ; 1.2.0        ; true",
        "~1           ; 1.9.0        ; true",
        "~1           ; 2.0.0        ; false",
        "~>2.0        ; 2.0.5        ; true",
        "~0           ; 0.9.0        ; true",
        // caret
        "^1.2.3       ; 1.9.9        ; true",
        "^1.2.3       ; 2.0.0        ; false",
        "^1.2.3       ; 1.2.2        ; false",
        "^0.2.3       ; 0.2.9        ; true",
        "^0.2.3       ; 0.3.0        ; false",
        "^0.0.3       ; 0.0.3        ; true",
        "^0.0.3       ; 0.0.4        ; false",
        "^0.0         ; 0.0.9        ; true",
        "^0.0         ; 0.1.0        ; false",
        "^0           ; 0.9.0        ; true",
        "^0           ; 1.0.0        ; false",
        // pre-releases: only when the comparison names one
        ">=1.0.0      ; 1.2.0-rc.1   ; false",
        "*            ; 1.0.0-rc.1   ; false",
        ">=1.0.0-0    ; 1.2.0-rc.1   ; true",
        ">=1.2.0-beta ; 1.2.0-alpha  ; false",
        ">=1.2.0-beta ; 1.2.0-beta.2 ; true",
        "^1.2.0-0     ; 1.5.0-rc.1   ; true",
        // tags as Flux reads them: v prefix, missing parts
        ">=1.0.0      ; v1.2.3       ; true",
        ">=1.0.0      ; v2           ; true",
        ">=1.0.0      ; latest       ; false",
        ">=1.0.0      ; 1.0.0.0      ; false",
      })
  void matchesLikeFlux(String range, String tag, boolean expected) {
    assertEquals(
        expected, SemverRange.parse(range.trim()).matchesTag(tag.trim()), range + " vs " + tag);
  }

  @ParameterizedTest
  @CsvSource({"'>= foo'", "'1.2.3 -'", "'~'", "''", "'1.2.3 || '", "'>=a.b.c'"})
  void refusesWhatIsNotARange(String range) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SemverRange.parse(range));
    assertTrue(e.getMessage().contains("semver range"), e.getMessage());
  }
}
