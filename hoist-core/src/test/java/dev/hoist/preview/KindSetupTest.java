package dev.hoist.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kind wiring, compared with kind's local-registry guide
 * (kind.sigs.k8s.io/docs/user/local-registry).
 */
class KindSetupTest {
  private final KindSetup setup = new KindSetup("hoist", "hoist-registry", 5001);

  @Test
  void clusterConfigPointsContainerdAtTheCertsDirectory() {
    assertEquals(
        """
        kind: Cluster
        apiVersion: kind.x-k8s.io/v1alpha4
        name: hoist
        containerdConfigPatches:
          - |-
            [plugins."io.containerd.grpc.v1.cri".registry]
              config_path = "/etc/containerd/certs.d"
        """,
        setup.clusterConfig());
  }

  @Test
  void eachNodeSendsLocalhostPortToTheRegistryContainer() {
    assertEquals("/etc/containerd/certs.d/localhost:5001", setup.hostsDir());
    assertEquals("[host.\"http://hoist-registry:5000\"]\n", setup.hostsToml());
    assertEquals(
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: local-registry-hosting
          namespace: kube-public
        data:
          localRegistryHosting.v1: |
            host: "localhost:5001"
            hostFromClusterNetwork: "hoist-registry:5000"
            help: "https://kind.sigs.k8s.io/docs/user/local-registry/"
        """,
        setup.registryHostingConfigMap());
  }

  @Test
  void onlyWhatIsMissingIsCreated() {
    List<KindSetup.Command> all = setup.create(false, false, false, List.of("hoist-control-plane"));
    assertEquals(
        List.of(
            "docker run -d --restart=always -p 127.0.0.1:5001:5000 --network bridge --name"
                + " hoist-registry registry:2",
            "kind create cluster --name hoist --config -",
            "docker exec hoist-control-plane mkdir -p /etc/containerd/certs.d/localhost:5001",
            "docker exec -i hoist-control-plane cp /dev/stdin"
                + " /etc/containerd/certs.d/localhost:5001/hosts.toml",
            "docker network connect kind hoist-registry"),
        all.stream().map(c -> String.join(" ", c.args())).toList());
    assertEquals(setup.clusterConfig(), all.get(1).stdin());
    assertEquals(setup.hostsToml(), all.get(3).stdin());
    assertEquals(List.of(), setup.create(true, true, true, List.of()));
    assertEquals(
        List.of("kind delete cluster --name hoist", "docker rm -f -v hoist-registry"),
        setup.delete(false).stream().map(c -> String.join(" ", c.args())).toList());
    assertEquals(1, setup.delete(true).size());
  }
}
