package dev.hoist.preview;

import java.util.ArrayList;
import java.util.List;

/**
 * A kind cluster with a local registry, wired as kind's local-registry guide does it: a {@code
 * registry:2} container published on {@code 127.0.0.1:<port>} and connected to the {@code kind}
 * network, containerd of every node reading registry hosts from {@code /etc/containerd/certs.d}
 * (the cluster config's {@code containerdConfigPatches}) with a {@code hosts.toml} that sends
 * {@code localhost:<port>} to the registry container, and the {@code local-registry-hosting}
 * ConfigMap in {@code kube-public} (KEP-1755).
 *
 * @param cluster the kind cluster's name
 * @param registryName the registry container's name
 * @param port the registry's port on 127.0.0.1
 */
public record KindSetup(String cluster, String registryName, int port) {
  /** The registry image kind's guide uses. */
  static final String REGISTRY_IMAGE = "registry:2";

  /** Where the developer's machine (and, through hosts.toml, every node) reaches the registry. */
  public String registryHost() {
    return "localhost:" + port;
  }

  /** The cluster config given to {@code kind create cluster --config -}. */
  public String clusterConfig() {
    return """
        kind: Cluster
        apiVersion: kind.x-k8s.io/v1alpha4
        name: %s
        containerdConfigPatches:
          - |-
            [plugins."io.containerd.grpc.v1.cri".registry]
              config_path = "/etc/containerd/certs.d"
        """
        .formatted(cluster);
  }

  /** The directory of the registry's hosts file on every node. */
  public String hostsDir() {
    return "/etc/containerd/certs.d/" + registryHost();
  }

  /** The node's {@code hosts.toml}: pulls of {@code localhost:<port>/…} go to the container. */
  public String hostsToml() {
    return "[host.\"http://" + registryName + ":5000\"]\n";
  }

  /**
   * Where pods (Flux's source-controller) reach the registry: its container on the kind network.
   */
  public String registryFromClusterNetwork() {
    return registryName + ":5000";
  }

  /**
   * The ConfigMap that tells tools where the cluster's local registry is (KEP-1755): {@code host}
   * for the developer's machine, {@code hostFromClusterNetwork} for pods.
   */
  public String registryHostingConfigMap() {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: local-registry-hosting
          namespace: kube-public
        data:
          localRegistryHosting.v1: |
            host: "%s"
            hostFromClusterNetwork: "%s"
            help: "https://kind.sigs.k8s.io/docs/user/local-registry/"
        """
        .formatted(registryHost(), registryFromClusterNetwork());
  }

  /**
   * The commands that create what is missing, in order (each a command line; {@code stdin} names
   * what goes to its standard input): the registry container, the cluster, the hosts file on each
   * node, the registry's connection to the {@code kind} network.
   */
  public List<Command> create(
      boolean registryExists, boolean clusterExists, boolean connected, List<String> nodes) {
    List<Command> out = new ArrayList<>();
    if (!registryExists) {
      out.add(
          new Command(
              List.of(
                  "docker",
                  "run",
                  "-d",
                  "--restart=always",
                  "-p",
                  "127.0.0.1:" + port + ":5000",
                  "--network",
                  "bridge",
                  "--name",
                  registryName,
                  REGISTRY_IMAGE),
              null));
    }
    if (!clusterExists) {
      out.add(
          new Command(
              List.of("kind", "create", "cluster", "--name", cluster, "--config", "-"),
              clusterConfig()));
    }
    for (String node : nodes) {
      out.add(new Command(List.of("docker", "exec", node, "mkdir", "-p", hostsDir()), null));
      out.add(
          new Command(
              List.of("docker", "exec", "-i", node, "cp", "/dev/stdin", hostsDir() + "/hosts.toml"),
              hostsToml()));
    }
    if (!connected) {
      out.add(new Command(List.of("docker", "network", "connect", "kind", registryName), null));
    }
    return out;
  }

  /** The commands {@code hoist preview down} runs. */
  public List<Command> delete(boolean keepRegistry) {
    List<Command> out = new ArrayList<>();
    out.add(new Command(List.of("kind", "delete", "cluster", "--name", cluster), null));
    if (!keepRegistry) {
      out.add(
          new Command(
              List.of("docker", "rm", "-f", "-v", registryName), null)); // -v: its layers too
    }
    return out;
  }

  /** One command line and what it reads on stdin (null: nothing). */
  public record Command(List<String> args, String stdin) {
    public Command {
      args = List.copyOf(args);
    }
  }
}
