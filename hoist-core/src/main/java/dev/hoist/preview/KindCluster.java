package dev.hoist.preview;

import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The preview's cluster: a kind cluster with its local registry ({@link KindSetup}), created with
 * the {@code kind} and {@code docker} CLIs when missing; or, with {@code --context}, an existing
 * cluster whose registry its {@code local-registry-hosting} ConfigMap (KEP-1755) names.
 *
 * @param name the kind cluster (null for a given context)
 * @param context the kubectl context
 * @param registryHost where images are pushed and pulled ({@code localhost:<port>})
 * @param clusterRegistryHost where pods reach the same registry (KEP-1755's {@code
 *     hostFromClusterNetwork}; null when a given context's ConfigMap does not say)
 */
record KindCluster(String name, String context, String registryHost, String clusterRegistryHost) {
  private static final Duration SHORT = Duration.ofSeconds(30);
  private static final Duration CREATE = Duration.ofMinutes(5);
  private static final Pattern HOST = Pattern.compile("(?m)^host:\\s*\"?([^\"\\s]+)\"?");
  private static final Pattern CLUSTER_HOST =
      Pattern.compile("(?m)^hostFromClusterNetwork:\\s*\"?([^\"\\s]+)\"?");
  private static final Pattern PORT = Pattern.compile(":(\\d+)\\s*$");

  /** Whether the cluster and its registry exist, for {@code hoist preview status}. */
  public record Status(String cluster, boolean exists, String registry, boolean registryRunning) {}

  static String registryName(String cluster) {
    return cluster + "-registry";
  }

  /** The kubectl context kind writes for {@code cluster}. */
  static String context(String cluster) {
    return "kind-" + cluster;
  }

  /**
   * Creates the kind cluster and its registry where missing, and joins them (the kind and docker
   * CLIs); {@link #created} then writes the registry's ConfigMap through the cluster's API.
   */
  static KindSetup create(String cluster, Commands commands) {
    requireKind(cluster, System.getenv());
    String registry = registryName(cluster);
    boolean registryExists =
        commands.attempt(Commands.of("docker", "inspect", registry), SHORT).code() == 0;
    int port = registryExists ? publishedPort(registry, commands) : freePort();
    KindSetup setup = new KindSetup(cluster, registry, port);
    boolean clusterExists = clusters(commands).contains(cluster);
    for (KindSetup.Command c : setup.create(registryExists, clusterExists, true, List.of())) {
      commands.run(c, CREATE);
    }
    List<String> nodes =
        commands
            .run(Commands.of("kind", "get", "nodes", "--name", cluster), SHORT)
            .lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty())
            .toList();
    String network =
        commands
            .run(
                Commands.of(
                    "docker", "inspect", "-f", "{{json .NetworkSettings.Networks.kind}}", registry),
                SHORT)
            .strip();
    for (KindSetup.Command c : setup.create(true, true, !network.equals("null"), nodes)) {
      commands.run(c, SHORT);
    }
    return setup;
  }

  /** The cluster {@link #create} made, its registry announced (KEP-1755) through {@code kube}. */
  static KindCluster created(String cluster, KindSetup setup, Kube kube) {
    kube.apply(setup.registryHostingConfigMap());
    return new KindCluster(
        cluster, context(cluster), setup.registryHost(), setup.registryFromClusterNetwork());
  }

  /** A cluster is created with the kind CLI; without it, one line says what to do instead. */
  static void requireKind(String cluster, Map<String, String> env) {
    if (DockerEngine.onPath("kind", env).isEmpty()) {
      throw new HoistException(
          ExitCode.FAILURE,
          "preview needs the kind CLI on PATH to create cluster "
              + cluster
              + " (https://kind.sigs.k8s.io/docs/user/quick-start/#installation), or --context"
              + " KUBECONTEXT to use an existing cluster");
    }
  }

  /** The cluster of a given {@code context}: its registry, read through {@code kube}. */
  static KindCluster existing(String context, Kube kube) {
    String hosting =
        kube.configMapValue("kube-public", "local-registry-hosting", "localRegistryHosting.v1")
            .orElse("");
    Matcher host = HOST.matcher(hosting);
    if (!host.find()) {
      throw new HoistException(
          ExitCode.FAILURE,
          "--context "
              + context
              + ": no local registry (ConfigMap kube-public/local-registry-hosting is missing or"
              + " names no host); let hoist preview up --cluster NAME create a kind cluster with"
              + " one");
    }
    Matcher clusterHost = CLUSTER_HOST.matcher(hosting);
    return new KindCluster(
        null, context, host.group(1), clusterHost.find() ? clusterHost.group(1) : null);
  }

  static void delete(String cluster, boolean keepRegistry, Commands commands) {
    KindSetup setup = new KindSetup(cluster, registryName(cluster), 0);
    for (KindSetup.Command c : setup.delete(keepRegistry)) {
      commands.run(c, CREATE);
    }
  }

  static Status status(String cluster, Commands commands) {
    String registry = registryName(cluster);
    Commands.Result running =
        commands.attempt(
            Commands.of("docker", "inspect", "-f", "{{.State.Running}}", registry), SHORT);
    boolean exists = clusters(commands).contains(cluster);
    String host = running.code() == 0 ? "localhost:" + publishedPort(registry, commands) : null;
    return new Status(cluster, exists, host, running.out().strip().equals("true"));
  }

  private static List<String> clusters(Commands commands) {
    return commands
        .run(Commands.of("kind", "get", "clusters"), SHORT)
        .lines()
        .map(String::strip)
        .toList();
  }

  private static int publishedPort(String registry, Commands commands) {
    String out = commands.run(Commands.of("docker", "port", registry, "5000/tcp"), SHORT);
    Matcher m = PORT.matcher(out.lines().findFirst().orElse(""));
    if (!m.find()) {
      throw new HoistException(
          ExitCode.FAILURE, "registry container " + registry + " publishes no port for 5000/tcp");
    }
    return Integer.parseInt(m.group(1));
  }

  /** A port nothing listens on, on 127.0.0.1 (a port in use is never chosen). */
  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new HoistException(ExitCode.FAILURE, "no free port on 127.0.0.1: " + e.getMessage());
    }
  }
}
