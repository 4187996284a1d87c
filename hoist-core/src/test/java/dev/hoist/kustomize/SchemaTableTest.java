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
}
