package dev.hoist.kustomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.hoist.yaml.Located;
import dev.hoist.yaml.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rendered objects know the file and line that produced each field: the resource file, a patch
 * file, an inline patch in a kustomization, or the kustomization entry of a transformer; and
 * carrying that changes nothing that is printed.
 */
class SourceLinesTest {
  @TempDir Path dir;

  @Test
  void everyFieldPointsAtTheLineThatProducedIt() throws IOException {
    Path root = dir.toRealPath();
    write(
        "base/deployment.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 1
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: web
                  env:
                    - name: MODE
                      value: base
                  resources:
                    requests:
                      memory: 128Mi
        """);
    write("base/kustomization.yaml", "resources:\n  - deployment.yaml\n");
    write(
        "prod/memory.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
                - name: web
                  resources:
                    requests:
                      memory: 512Mi
        """);
    write(
        "prod/kustomization.yaml",
        """
        namespace: prod
        namePrefix: prod-
        resources:
          - ../base
        images:
          - name: web
            newTag: "1.2"
        replicas:
          - name: web
            count: 3
        configMapGenerator:
          - name: settings
            literals: [A=1]
        patches:
          - path: memory.yaml
          - target: {kind: Deployment}
            patch: |-
              - op: replace
                path: /spec/template/spec/containers/0/env/0/value
                value: prod
        """);
    Rendered rendered =
        Renderer.renderObjects(dir.resolve("prod"), LoadRestrictor.LoadRestrictionsRootOnly);
    assertEquals(
        Renderer.render(dir.resolve("prod"), LoadRestrictor.LoadRestrictionsRootOnly),
        rendered.yaml());
    Map<String, Object> deployment = rendered.objects().get(1);
    assertEquals("Deployment", deployment.get("kind"));
    String base = root.resolve("base/deployment.yaml").toString();
    String kustomization = root.resolve("prod/kustomization.yaml").toString();
    String patch = root.resolve("prod/memory.yaml").toString();
    String containers = "spec template spec containers 0 ";
    assertEquals(new SourceLocation(base, 2), at(deployment, "kind"));
    assertEquals(new SourceLocation(base, 4), at(deployment, "metadata name"));
    assertEquals(new SourceLocation(kustomization, 10), at(deployment, "spec replicas"));
    assertEquals(new SourceLocation(kustomization, 7), at(deployment, containers + "image"));
    assertEquals(new SourceLocation(base, 14), at(deployment, containers + "name"));
    assertEquals(new SourceLocation(base, 17), at(deployment, containers + "env 0 name"));
    assertEquals(new SourceLocation(kustomization, 20), at(deployment, containers + "env 0 value"));
    assertEquals(
        new SourceLocation(patch, 12), at(deployment, containers + "resources requests memory"));
    // a field a transformer added is located at the nearest mapping that knows its place
    assertEquals(new SourceLocation(base, 4), at(deployment, "metadata namespace"));
    Map<String, Object> configMap = rendered.objects().get(0);
    assertEquals("ConfigMap", configMap.get("kind"));
    assertEquals(new SourceLocation(kustomization, 12), at(configMap, "data A"));
    assertInstanceOf(Located.class, configMap);
  }

  private static SourceLocation at(Map<String, Object> object, String path) {
    List<Object> segments =
        Arrays.stream(path.split(" "))
            .map(s -> s.matches("\\d+") ? (Object) Integer.valueOf(s) : s)
            .toList();
    return SourceLocation.of(object, segments);
  }

  private void write(String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
