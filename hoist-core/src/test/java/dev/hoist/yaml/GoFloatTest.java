package dev.hoist.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Expected texts are Go's strconv.FormatFloat(f, 'g', -1, 64), as go-yaml v2 writes float64 values.
 */
class GoFloatTest {
  @Test
  void formatsAsGoDoes() {
    assertEquals("0.5", GoFloat.format(0.5));
    assertEquals("1.5", GoFloat.format(1.50));
    assertEquals("3", GoFloat.format(3.0));
    assertEquals("-2.25", GoFloat.format(-2.25));
    assertEquals("123456", GoFloat.format(123456.0));
    assertEquals("1e+06", GoFloat.format(1e6));
    assertEquals("1.234567e+06", GoFloat.format(1234567.0));
    assertEquals("0.0001", GoFloat.format(0.0001));
    assertEquals("1e-05", GoFloat.format(0.00001));
    assertEquals("1.5e-07", GoFloat.format(1.5e-7));
    assertEquals("1e+100", GoFloat.format(1e100));
    assertEquals("0.1", GoFloat.format(0.1));
    assertEquals(
        ".inf", GoFloat.format(Double.POSITIVE_INFINITY)); // go-yaml maps strconv "+Inf" to ".inf"
    assertEquals(".nan", GoFloat.format(Double.NaN));
  }

  @Test
  void aDoubleInATreeIsAPlainNumber() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("cpu", 0.5);
    tree.put("ratio", 2.0);
    assertEquals("cpu: 0.5\nratio: 2\n", GoYamlWriter.marshal(tree));
  }
}
