package dev.hoist.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's hoist.yaml sections name every key the reader accepts. The reader says itself which
 * keys it accepts at a level (the "allowed:" list of an unknown key), and the Flux-shaped parts are
 * declared {@link Shape}s; each such key must appear in the README as {@code key:}.
 */
class ReadmeKeysTest {
  private static final Pattern ALLOWED = Pattern.compile("\\(allowed: ([^)]*)\\)");
  @TempDir Path dir;

  private static final String BASE =
      """
      project: shop
      registry: ghcr.io/acme
      apps:
        - name: api
          jar: target/api.jar
          ZZ_APP
      overlays: [dev, {name: prod, path: deploy/prod, ZZ_OVERLAY}]
      artifact: {repository: manifests/shop, ZZ_ARTIFACT}
      images: {pinThirdParty: true, ZZ_IMAGES}
      lint: {production: [prod], ZZ_LINT}
      fluxSource: {kind: GitRepository, ZZ_FLUX_SOURCE}
      sign: {key: cosign.key, ZZ_SIGN}
      units:
        - name: nginx
          chart: {repository: https://charts.example.com, name: nginx, version: "1.x", ZZ_CHART}
          ZZ_UNIT
      clusters:
        - name: production
          overlay: prod
          ref: {semver: ">=1.0.0", ZZ_REF}
          ZZ_CLUSTER
        - name: shared
          kustomizations:
            - {name: blue, overlay: prod, ZZ_KUSTOMIZATION}
      ZZ_TOP
      """;

  private static final List<String> LEVELS =
      List.of(
          "ZZ_TOP",
          "ZZ_APP",
          "ZZ_OVERLAY",
          "ZZ_ARTIFACT",
          "ZZ_IMAGES",
          "ZZ_LINT",
          "ZZ_FLUX_SOURCE",
          "ZZ_SIGN",
          "ZZ_UNIT",
          "ZZ_CHART",
          "ZZ_REF",
          "ZZ_CLUSTER",
          "ZZ_KUSTOMIZATION");

  /** The keys the reader accepts at each level, as it lists them for an unknown key. */
  private Set<String> readerKeys() throws Exception {
    Files.createDirectories(dir.resolve("target"));
    Files.writeString(dir.resolve("target/api.jar"), "jar");
    Set<String> keys = new TreeSet<>();
    for (String level : LEVELS) {
      String text = BASE;
      for (String other : LEVELS) {
        String unknown = level.equals(other) ? "zzUnknownKey: 1" : "";
        text = text.replace(", " + other, unknown.isEmpty() ? "" : ", " + unknown);
        text = text.replace(other, unknown);
      }
      String error = Descriptors.error(dir, text);
      Matcher m = ALLOWED.matcher(error);
      assertTrue(m.find(), level + ": " + error);
      for (String key : m.group(1).split(", ", -1)) {
        keys.add(key.trim());
      }
    }
    return keys;
  }

  /** Every key of every Shape declared for the Flux-shaped parts. */
  private static Set<String> shapeKeys() throws Exception {
    Set<String> keys = new TreeSet<>();
    List<Shape> todo = new ArrayList<>();
    for (Field f : FluxShapes.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == Shape.class) {
        f.setAccessible(true);
        todo.add((Shape) f.get(null));
      }
    }
    while (!todo.isEmpty()) {
      Shape shape = todo.remove(todo.size() - 1);
      shape
          .keys()
          .forEach(
              (key, type) -> {
                keys.add(key);
                if (type instanceof Shape.Obj obj) {
                  todo.add(obj.shape());
                } else if (type instanceof Shape.ListOf list) {
                  todo.add(list.shape());
                }
              });
    }
    return keys;
  }

  @Test
  void theReadmeNamesEveryKeyTheReaderAccepts() throws Exception {
    String readme = Files.readString(Path.of("../README.md"));
    String section = readme.substring(readme.indexOf("\n## hoist.yaml"));
    Set<String> keys = readerKeys();
    keys.addAll(shapeKeys());
    assertTrue(keys.contains("kustomizations") && keys.contains("remediation"), keys.toString());
    Set<String> missing = new TreeSet<>();
    for (String key : keys) {
      if (!Pattern.compile("[\\s{,`-]" + Pattern.quote(key) + ":").matcher(section).find()) {
        missing.add(key);
      }
    }
    assertEquals(Set.of(), missing, "keys hoist.yaml accepts that the README does not show");
  }
}
