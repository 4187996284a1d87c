package dev.hoist.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoYamlWriterTest {

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void sortsKeysAndNestsBlocks() {
    Object tree =
        map(
            "spec",
            map("url", "oci://ghcr.io/x/y", "interval", "1m0s", "ref", map("tag", "6.3.5")),
            "kind",
            "OCIRepository",
            "apiVersion",
            "source.toolkit.fluxcd.io/v1",
            "metadata",
            map("namespace", "flux-system", "name", "podinfo"));
    assertEquals(
        """
        ---
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: OCIRepository
        metadata:
          name: podinfo
          namespace: flux-system
        spec:
          interval: 1m0s
          ref:
            tag: 6.3.5
          url: oci://ghcr.io/x/y
        """,
        GoYamlWriter.document(tree));
  }

  @Test
  void sequencesAreNotIndentedUnderTheirKey() {
    Object tree =
        map(
            "items", List.of("a", "b"),
            "maps", List.of(map("name", "x", "kind", "K"), map("z", List.of(1, 2L))),
            "nested", List.of(List.of("a", "b"), List.of()),
            "empty", map(),
            "none", new ArrayList<>(),
            "flag", true,
            "count", 3,
            "nothing", nullValue());
    assertEquals(
        """
        count: 3
        empty: {}
        flag: true
        items:
        - a
        - b
        maps:
        - kind: K
          name: x
        - z:
          - 1
          - 2
        nested:
        - - a
          - b
        - []
        none: []
        nothing: null
        """,
        GoYamlWriter.marshal(tree));
  }

  private static Object nullValue() {
    return null;
  }

  @Test
  void quotesStringsThatWouldReadAsOtherTypes() {
    List<String> values =
        List.of(
            "1.0",
            "true",
            "on",
            "yes",
            "Y",
            "0755",
            "123",
            "null",
            "~",
            "",
            "1e3",
            ".5",
            "0x1F",
            "-7",
            "2024-01-02",
            "2024-1-2T10:00:00Z",
            "12:30",
            "+.inf",
            ".NaN",
            "1_000");
    Map<String, Object> tree = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) {
      tree.put("k" + i, values.get(i));
    }
    assertEquals(
        """
        k0: "1.0"
        k1: "true"
        k2: "on"
        k3: "yes"
        k4: "Y"
        k5: "0755"
        k6: "123"
        k7: "null"
        k8: "~"
        k9: ""
        k10: "1e3"
        k11: ".5"
        k12: "0x1F"
        k13: "-7"
        k14: "2024-01-02"
        k15: "2024-1-2T10:00:00Z"
        k16: "12:30"
        k17: "+.inf"
        k18: ".NaN"
        k19: "1_000"
        """,
        GoYamlWriter.marshal(tree));
  }

  @Test
  void keepsPlainStringsThatStayStrings() {
    List<String> values =
        List.of(
            "6.3.5",
            "1.2.3-rc.1",
            "v1",
            "yes please",
            "0x",
            "2024-13-01",
            "1.2.3.4",
            "./overlays/dev",
            "sha256:abc",
            "a: b",
            "a #b",
            "a#b",
            "-a",
            "<<",
            "..",
            "1e400",
            "+",
            "0b102");
    Map<String, Object> tree = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) {
      tree.put("k" + (char) ('a' + i), values.get(i));
    }
    assertEquals(
        """
        ka: 6.3.5
        kb: 1.2.3-rc.1
        kc: v1
        kd: yes please
        ke: 0x
        kf: 2024-13-01
        kg: 1.2.3.4
        kh: ./overlays/dev
        ki: sha256:abc
        kj: 'a: b'
        kk: 'a #b'
        kl: a#b
        km: -a
        kn: <<
        ko: ..
        kp: 1e400
        kq: +
        kr: 0b102
        """,
        GoYamlWriter.marshal(tree));
  }

  @Test
  void singleQuotesIndicatorsAndEscapesWhatSingleQuotesCannotHold() {
    Object tree =
        map(
            "a", ">=1.0.0",
            "b", "*",
            "c", "it's",
            "d", "'quoted'",
            "e", " lead",
            "f", "trail ",
            "g", "tab\there",
            "h", "- x",
            "i", "---",
            "j", "\"dq\"",
            "k", "caf\u00e9",
            "l", "emoji \uD83D\uDE00",
            "m", "back\\slash",
            "n", "[x]",
            "o", "a,b",
            "p", "x:",
            "q", "%x",
            "r", "@x",
            "s", "?x",
            "t", ":x");
    assertEquals(
        """
        a: '>=1.0.0'
        b: '*'
        c: it's
        d: '''quoted'''
        e: ' lead'
        f: 'trail '
        g: "tab\\there"
        h: '- x'
        i: '---'
        j: '"dq"'
        k: café
        l: "emoji \\U0001F600"
        m: back\\slash
        "n": '[x]'
        o: a,b
        p: 'x:'
        q: '%x'
        r: '@x'
        s: ?x
        t: :x
        """,
        GoYamlWriter.marshal(tree));
  }

  @Test
  void writesMultiLineStringsAsLiterals() {
    Object tree =
        map(
            "clip", "line one\nline two\n",
            "strip", "a\n\nb",
            "keep", "a\n\n",
            "indented", "  x\ny\n",
            "items", List.of("p\nq"),
            "nested", map("text", "one\ntwo"),
            "spaced", "a \nb",
            "tabbed", "a\tb\nc");
    assertEquals(
        """
        clip: |
          line one
          line two
        indented: |2
            x
          y
        items:
        - |-
          p
          q
        keep: |+
          a

        nested:
          text: |-
            one
            two
        spaced: "a \\nb"
        strip: |-
          a

          b
        tabbed: "a\\tb\\nc"
        """,
        GoYamlWriter.marshal(tree));
  }

  @Test
  void doesNotFoldLongStringsByDefaultButCanFoldLikeGoYaml() {
    String words = "word ".repeat(20).trim();
    Object tree = map("description", words);
    assertEquals("description: " + words + "\n", GoYamlWriter.marshal(tree));
    assertEquals(
        """
        description: word word word word word word word word word word word word word word
          word word word word word word
        """,
        GoYamlWriter.marshal(tree, GoYamlWriter.GO_YAML_LINE_WIDTH));
  }

  @Test
  void ordersKeysLikeGoYaml() {
    Object tree = map("b", 1, "a10", 2, "a9", 3, "B", 4, "a_b", 5, "aB", 6);
    assertEquals(
        """
        B: 4
        a_b: 5
        a9: 3
        a10: 2
        aB: 6
        b: 1
        """,
        GoYamlWriter.marshal(tree));
  }

  @Test
  void ordersLongMapsNumerically() {
    Map<String, Object> tree = new LinkedHashMap<>();
    for (int i = 15; i >= 1; i--) {
      tree.put("k" + i, i);
    }
    StringBuilder expected = new StringBuilder();
    for (int i = 1; i <= 15; i++) {
      expected.append("k").append(i).append(": ").append(i).append('\n');
    }
    assertEquals(expected.toString(), GoYamlWriter.marshal(tree));
  }

  @Test
  void quotesKeysLikeValues() {
    Object tree = map("true", "x", "", "y", "a\nb", "z", "*", "w");
    assertEquals(
        """
        "": "y"
        '*': w
        ? |-
          a
          b
        : z
        "true": x
        """,
        GoYamlWriter.marshal(tree));
  }

  @Test
  void rejectsUnsupportedValues() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> GoYamlWriter.marshal(map("x", java.time.Duration.ZERO)));
    assertEquals("cannot write Duration as YAML: PT0S", e.getMessage());
  }

  @Test
  void writesFloatsAsGoFormatsThem() {
    assertEquals(
        "a: 1.5\nb: 1.2345675e+06\nc: 1e-07\nd: 0.0001\ne: 1e+21\nf: 123456.5\n",
        GoYamlWriter.marshal(
            new java.util.LinkedHashMap<>(
                java.util.Map.of(
                    "a", 1.5, "b", 1234567.5, "c", 1e-7, "d", 1e-4, "e", 1e21, "f", 123456.5))));
  }

  @Test
  void formatsGoDurations() {
    assertEquals("1m0s", GoYamlWriter.goDuration(Duration.ofMinutes(1)));
    assertEquals("5m0s", GoYamlWriter.goDuration(Duration.ofMinutes(5)));
    assertEquals("1h0m0s", GoYamlWriter.goDuration(Duration.ofHours(1)));
    assertEquals("30s", GoYamlWriter.goDuration(Duration.ofSeconds(30)));
    assertEquals("1h30m0s", GoYamlWriter.goDuration(Duration.ofMinutes(90)));
    assertEquals("0s", GoYamlWriter.goDuration(Duration.ZERO));
    assertEquals("500ms", GoYamlWriter.goDuration(Duration.ofMillis(500)));
    assertEquals("1.5s", GoYamlWriter.goDuration(Duration.ofMillis(1500)));
    assertEquals("1.5\u00b5s", GoYamlWriter.goDuration(Duration.ofNanos(1500)));
    assertEquals("7ns", GoYamlWriter.goDuration(Duration.ofNanos(7)));
    assertEquals("-2m3s", GoYamlWriter.goDuration(Duration.ofSeconds(-123)));
    assertEquals("25h0m1s", GoYamlWriter.goDuration(Duration.ofHours(25).plusSeconds(1)));
  }

  @Test
  void parsesGoDurations() {
    assertEquals(Duration.ofMinutes(5), GoYamlWriter.parseGoDuration("5m"));
    assertEquals(Duration.ofMinutes(90), GoYamlWriter.parseGoDuration("1h30m"));
    assertEquals(Duration.ofSeconds(90), GoYamlWriter.parseGoDuration("90s"));
    assertEquals(Duration.ofMinutes(1), GoYamlWriter.parseGoDuration("1m0s"));
    assertEquals(Duration.ofMillis(1500), GoYamlWriter.parseGoDuration("1.5s"));
    assertEquals(Duration.ofMillis(250), GoYamlWriter.parseGoDuration("250ms"));
    assertEquals(Duration.ZERO, GoYamlWriter.parseGoDuration("0"));
    assertEquals(
        "invalid duration \"5\": missing unit (ns, us, ms, s, m, h)",
        assertThrows(IllegalArgumentException.class, () -> GoYamlWriter.parseGoDuration("5"))
            .getMessage());
    assertEquals(
        "invalid duration \"5x\": unknown unit \"x\"",
        assertThrows(IllegalArgumentException.class, () -> GoYamlWriter.parseGoDuration("5x"))
            .getMessage());
    assertEquals(
        "invalid duration \"\": empty",
        assertThrows(IllegalArgumentException.class, () -> GoYamlWriter.parseGoDuration(""))
            .getMessage());
    assertEquals(
        "invalid duration \"m\": expected a number at \"m\"",
        assertThrows(IllegalArgumentException.class, () -> GoYamlWriter.parseGoDuration("m"))
            .getMessage());
  }
}
