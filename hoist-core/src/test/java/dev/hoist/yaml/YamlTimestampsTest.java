package dev.hoist.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * go-yaml's timestamp layouts under Go's time.Parse rules, printed as Go's JSON encoder prints the
 * time.
 */
class YamlTimestampsTest {

  @Test
  void theFourLayoutsPrintAsRfc3339WithNanoseconds() {
    assertEquals("2002-12-14T00:00:00Z", YamlTimestamps.rfc3339("2002-12-14"));
    assertEquals("2001-01-02T00:00:00Z", YamlTimestamps.rfc3339("2001-1-2"));
    assertEquals("2001-01-02T03:04:05Z", YamlTimestamps.rfc3339("2001-01-02T3:4:5Z"));
    assertEquals(
        "2001-12-14T21:59:43.1-05:00", YamlTimestamps.rfc3339("2001-12-14t21:59:43.10-05:00"));
    assertEquals("2001-12-14T21:59:43.5Z", YamlTimestamps.rfc3339("2001-12-14 21:59:43.5"));
    assertEquals(
        "2001-12-14T21:59:43.5+01:00", YamlTimestamps.rfc3339("2001-12-14T21:59:43,5+01:00"));
  }

  @Test
  void fractionsAreCutToNanosecondsAndZeroOffsetsPrintZ() {
    assertEquals(
        "2001-12-14T21:59:43.123456789Z",
        YamlTimestamps.rfc3339("2001-12-14T21:59:43.1234567891234Z"));
    assertEquals("2001-12-14T21:59:43Z", YamlTimestamps.rfc3339("2001-12-14T21:59:43.000Z"));
    assertEquals("2001-12-14T21:59:43Z", YamlTimestamps.rfc3339("2001-12-14T21:59:43+00:00"));
    assertEquals("2001-12-14T21:59:43.5Z", YamlTimestamps.rfc3339("2001-12-14T21:59:43.5-00:00"));
    assertEquals("2001-12-14T21:59:43+02:00", YamlTimestamps.rfc3339("2001-12-14T21:59:43+01:60"));
  }

  @Test
  void whatGoDoesNotParseIsNoTimestamp() {
    for (String s :
        new String[] {
          "2001-02-29",
          "2001-13-01",
          "2001-12-14T21:59:43+0100",
          "2001-12-14T21:59:43z",
          "2001-12-14T24:00:00Z",
          "2001-12-14T21:59:60Z",
          "2001-12-14T21:59Z",
          "2001-12-14 21:59:43Z",
          "2001-12-14T21:59:43",
          "2001-012-14",
          "2001-12-14T1:2:3.+01:00",
          "20011-12-14",
          "2001-12-14 21:59:43.10 -5"
        }) {
      assertNull(YamlTimestamps.rfc3339(s), s);
    }
  }

  @Test
  void anOffsetGoCannotEncodeIsAnError() {
    assertThrows(
        IllegalArgumentException.class, () -> YamlTimestamps.rfc3339("2001-12-14T21:59:43+24:00"));
  }
}
