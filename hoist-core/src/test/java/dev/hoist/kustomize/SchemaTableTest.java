package dev.hoist.kustomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.testing.Processes;
import dev.hoist.testing.RealParts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed schema table is what scripts/k8s-schema-table.py derives from
 * ../shared/k8s-openapi.
 */
class SchemaTableTest {
  @Test
  void committedTableIsGeneratedFromTheSharedSpec() throws Exception {
    Path spec = RealParts.shared("k8s-openapi").resolve("swagger-v1.21.2.json");
    Path python = RealParts.tool("python3");
    Path root = RealParts.repoRoot();
    Processes.Result r =
        Processes.run(
            root, List.of(python.toString(), "scripts/k8s-schema-table.py", spec.toString()), 120);
    assertEquals(0, r.exitCode(), r.stderr());
    assertEquals(
        Files.readString(
            root.resolve("hoist-core/src/main/resources/dev/hoist/kustomize/k8s-schema.txt")),
        r.stdout(),
        "k8s-schema.txt is stale: regenerate it with scripts/k8s-schema-table.py");
  }

  @Test
  void knowsMergeKeysStrategiesAndScopes() {
    Schema s = Schema.get();
    String pod = s.field(s.definition("apps/v1", "Deployment"), "spec").target();
    Schema.Field containers = s.field("io.k8s.api.core.v1.PodSpec", "containers");
    assertEquals("name", containers.mergeKey());
    assertTrue(containers.merges());
    assertTrue(s.field("io.k8s.api.core.v1.PodSpec", "volumes").retainKeys());
    assertEquals("port", s.field("io.k8s.api.core.v1.ServiceSpec", "ports").mergeKey());
    assertFalse(s.field("io.k8s.api.core.v1.PodSpec", "tolerations").merges());
    assertEquals("io.k8s.api.apps.v1.DeploymentSpec", pod);
    assertTrue(s.clusterScoped("v1", "Namespace"));
    assertTrue(s.clusterScoped("rbac.authorization.k8s.io/v1", "ClusterRole"));
    assertFalse(s.clusterScoped("v1", "ConfigMap"));
    assertFalse(s.clusterScoped("example.com/v1", "Widget"));
    assertNull(s.definition("example.com/v1", "Widget"));
  }

  @Test
  void parsesADefinitionsFieldsOnlyWhenAskedAndTheSameAsAWholeRead() throws Exception {
    java.util.Map<String, String> definitions = new java.util.HashMap<>();
    java.util.Set<String> cluster = new java.util.HashSet<>();
    SchemaTable table = new SchemaTable(definitions, cluster);
    assertEquals("io.k8s.api.core.v1.Namespace", definitions.get("v1 Namespace"));
    assertTrue(cluster.contains("v1 Namespace"));
    assertEquals(0, table.parsedDefinitions());
    Schema.Field ports = table.get("io.k8s.api.core.v1.ServiceSpec").get("ports");
    assertEquals(List.of("port", "protocol"), ports.mergeKeys());
    assertEquals(1, table.parsedDefinitions());
    assertNull(table.get("example.com.v1.Widget"));

    // every definition's fields, line by line from the file, as the lazy table gives them
    List<String> lines =
        Files.readAllLines(
            RealParts.repoRoot()
                .resolve("hoist-core/src/main/resources/dev/hoist/kustomize/k8s-schema.txt"));
    java.util.Map<String, java.util.Set<String>> expected = new java.util.HashMap<>();
    for (String line : lines) {
      String[] p = line.split(" ", -1);
      if (p[0].equals("field")) {
        expected.computeIfAbsent(p[1], k -> new java.util.TreeSet<>()).add(p[2]);
      }
    }
    assertEquals(expected.keySet(), table.keySet());
    for (var e : expected.entrySet()) {
      assertEquals(
          e.getValue(), new java.util.TreeSet<>(table.get(e.getKey()).keySet()), e.getKey());
    }
    String last = lines.get(lines.size() - 1).split(" ", -1)[1];
    assertFalse(table.get(last).isEmpty(), "the file's last definition: " + last);
  }
}
