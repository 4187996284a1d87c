package dev.hoist.kustomize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The generated table {@code k8s-schema.txt} (scripts/k8s-schema-table.py), read lazily: its kinds
 * at once, each definition's fields the first time a patch asks for them. A render touches a few
 * dozen of the table's 453 definitions, and parsing all 1,025 field lines in cold code took ~20 ms
 * of every cold render. Lines are {@code gvk APIVERSION KIND DEFINITION cluster|namespaced} and
 * {@code field DEFINITION NAME TARGET SHAPE STRATEGY KEY LISTMAPKEYS} ({@code -} for none), the
 * fields of a definition on consecutive lines.
 */
final class SchemaTable extends AbstractMap<String, Map<String, Schema.Field>> {
  private final String text;

  /** Definition → [start, end) of its field lines in {@link #text}. */
  private final Map<String, int[]> runs = new HashMap<>();

  private final Map<String, Map<String, Schema.Field>> parsed = new ConcurrentHashMap<>();

  /** Reads the table: kinds into {@code definitions} and {@code cluster}, fields indexed. */
  SchemaTable(Map<String, String> definitions, Set<String> cluster) {
    text = read();
    String run = null;
    int runStart = 0;
    for (int start = 0; start < text.length(); ) {
      int end = text.indexOf('\n', start);
      end = end < 0 ? text.length() : end;
      if (text.startsWith("field ", start)) {
        String definition = text.substring(start + 6, text.indexOf(' ', start + 6));
        if (!definition.equals(run)) {
          close(run, runStart, start);
          run = definition;
          runStart = start;
        }
      } else if (text.startsWith("gvk ", start)) {
        String[] p = text.substring(start, end).split(" ", -1);
        definitions.put(p[1] + " " + p[2], p[3]);
        if (p[4].equals("cluster")) {
          cluster.add(p[1] + " " + p[2]);
        }
      }
      start = end + 1;
    }
    close(run, runStart, text.length());
  }

  private void close(String definition, int start, int end) {
    if (definition != null && runs.put(definition, new int[] {start, end}) != null) {
      throw new IllegalStateException("k8s-schema.txt: the fields of " + definition + " are split");
    }
  }

  @Override
  public Map<String, Schema.Field> get(Object definition) {
    int[] run = runs.get(definition);
    return run == null ? null : parsed.computeIfAbsent((String) definition, d -> fields(run));
  }

  @Override
  public boolean containsKey(Object definition) {
    return runs.containsKey(definition);
  }

  /** Every definition, each parsed (a custom OpenAPI schema layered with the built-in one). */
  @Override
  public Set<Entry<String, Map<String, Schema.Field>>> entrySet() {
    Map<String, Map<String, Schema.Field>> all = new HashMap<>();
    runs.keySet().forEach(d -> all.put(d, get(d)));
    return all.entrySet();
  }

  /** How many definitions' fields have been parsed so far. */
  int parsedDefinitions() {
    return parsed.size();
  }

  private Map<String, Schema.Field> fields(int[] run) {
    Map<String, Schema.Field> fields = new HashMap<>();
    for (int start = run[0]; start < run[1]; ) {
      int end = text.indexOf('\n', start);
      end = end < 0 || end > run[1] ? run[1] : end;
      String[] p = text.substring(start, end).split(" ", -1);
      start = end + 1;
      fields.put(
          p[2],
          new Schema.Field(
              dash(p[3]),
              p[4],
              dash(p[5]),
              dash(p[6]),
              p.length > 7 && !p[7].equals("-") ? List.of(p[7].split(",", -1)) : List.of()));
    }
    return Map.copyOf(fields);
  }

  private static String dash(String v) {
    return v.equals("-") ? null : v;
  }

  private static String read() {
    try (InputStream in = SchemaTable.class.getResourceAsStream("k8s-schema.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
