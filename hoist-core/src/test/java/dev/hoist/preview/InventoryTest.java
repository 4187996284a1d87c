package dev.hoist.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryTest {
  private static final Inventory.Entry DEPLOYMENT =
      new Inventory.Entry("apps/v1", "Deployment", "hello", "hello");
  private static final Inventory.Entry SERVICE =
      new Inventory.Entry("v1", "Service", "hello", "hello");
  private static final Inventory.Entry NAMESPACE =
      new Inventory.Entry("v1", "Namespace", null, "hello");
  private static final Inventory.Entry CRON =
      new Inventory.Entry("batch/v1", "CronJob", "hello", "cleanup");

  @Test
  void theConfigMapRoundTripsAndPruningDeletesWhatIsGoneInReverseOrder() {
    String configMap = Inventory.configMap(List.of(NAMESPACE, DEPLOYMENT, SERVICE, CRON));
    assertEquals(
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: hoist-preview-inventory
          namespace: kube-public
          labels:
            app.kubernetes.io/managed-by: hoist-preview
        data:
          objects: |
            v1 Namespace - hello
            apps/v1 Deployment hello hello
            v1 Service hello hello
            batch/v1 CronJob hello cleanup
        """,
        configMap);
    String objects = configMap.substring(configMap.indexOf("objects: |\n") + 11);
    List<Inventory.Entry> before = Inventory.parse(objects);
    assertEquals(List.of(NAMESPACE, DEPLOYMENT, SERVICE, CRON), before);
    assertEquals(List.of(CRON, SERVICE), Inventory.prune(before, List.of(NAMESPACE, DEPLOYMENT)));
  }
}
