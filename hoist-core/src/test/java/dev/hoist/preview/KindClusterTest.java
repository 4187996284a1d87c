package dev.hoist.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.run.HoistException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code --context}: an existing cluster's registry, read from its KEP-1755 ConfigMap. */
class KindClusterTest {
  private final ApiServer server = new ApiServer();

  @AfterEach
  void stop() {
    server.close();
  }

  private KindCluster existing() {
    return KindCluster.existing("kind-dev", new Kube(server.client, "kind-dev"));
  }

  @Test
  void theRegistryHostingConfigMapHoistWritesIsReadBack() {
    new Kube(server.client, "kind-dev")
        .apply(new KindSetup("dev", "dev-registry", 5001).registryHostingConfigMap());
    assertEquals(
        new KindCluster(null, "kind-dev", "localhost:5001", "dev-registry:5000"), existing());
  }

  @Test
  void kindsOwnGuideWritesNoClusterNetworkHost() {
    new Kube(server.client, "kind-dev")
        .apply(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: local-registry-hosting, namespace: kube-public}
            data:
              localRegistryHosting.v1: |
                host: "localhost:5001"
                help: "https://kind.sigs.k8s.io/docs/user/local-registry/"
            """);
    assertEquals(new KindCluster(null, "kind-dev", "localhost:5001", null), existing());
  }

  @Test
  void aClusterWithoutALocalRegistryIsRefused() {
    HoistException e = assertThrows(HoistException.class, this::existing);
    assertEquals(
        "--context kind-dev: no local registry (ConfigMap kube-public/local-registry-hosting is"
            + " missing or names no host); let hoist preview up --cluster NAME create a kind"
            + " cluster with one",
        e.getMessage());
  }

  @Test
  void withoutTheKindCliOneLineSaysWhatToDo() {
    HoistException e =
        assertThrows(
            HoistException.class,
            () -> KindCluster.requireKind("hoist", java.util.Map.of("PATH", "/nonexistent")));
    assertEquals(
        "preview needs the kind CLI on PATH to create cluster hoist"
            + " (https://kind.sigs.k8s.io/docs/user/quick-start/#installation), or --context"
            + " KUBECONTEXT to use an existing cluster",
        e.getMessage());
  }

  @Test
  void anApiServerThatDoesNotAnswerIsNamedWithTheReason() {
    var config =
        new io.fabric8.kubernetes.client.ConfigBuilder()
            .withMasterUrl("http://127.0.0.1:" + KindCluster.freePort())
            .withRequestRetryBackoffLimit(0)
            .build();
    HoistException e =
        assertThrows(
            HoistException.class,
            () ->
                KindCluster.existing(
                    "kind-gone",
                    new Kube(
                        new io.fabric8.kubernetes.client.KubernetesClientBuilder()
                            .withConfig(config)
                            .build(),
                        "kind-gone")));
    assertTrue(
        e.getMessage()
                .startsWith("kind-gone: get ConfigMap kube-public/local-registry-hosting failed: ")
            && e.getMessage().contains("Connect"),
        e.getMessage());
  }
}
