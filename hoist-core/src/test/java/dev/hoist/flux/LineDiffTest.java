package dev.hoist.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LineDiffTest {
  @Test
  void aNewFile() {
    assertEquals(
        "--- /dev/null\n+++ b/x.yaml\n@@ -0,0 +1,2 @@\n+a\n+b\n",
        LineDiff.unified("x.yaml", null, "a\nb\n"));
  }

  @Test
  void twoHunksFarApartWithThreeLinesOfContext() {
    String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
    String after = "1\nTWO\n3\n4\n5\n6\n7\n8\n9\n10\n11\n";
    assertEquals(
        "--- a/f\n+++ b/f\n@@ -1,5 +1,5 @@\n 1\n-2\n+TWO\n 3\n 4\n 5\n@@ -9,4 +9,3 @@\n 9\n 10\n 11\n-12\n",
        LineDiff.unified("f", before, after));
  }
}
