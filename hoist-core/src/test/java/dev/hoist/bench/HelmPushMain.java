package dev.hoist.bench;

import com.marcnuri.helm.Helm;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The peer of the chart benchmark: what {@code helm package} + {@code helm push --plain-http} do,
 * through helm-java (real Helm in process), in a JVM of its own. Args: CHART_DIR OUT_DIR
 * oci://HOST:PORT/NAMESPACE.
 */
public final class HelmPushMain {
  private HelmPushMain() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[1]);
    new Helm(Path.of(args[0])).packageIt().withDestination(out).call();
    Path tgz;
    try (Stream<Path> files = Files.list(out)) {
      tgz = files.filter(f -> f.toString().endsWith(".tgz")).findFirst().orElseThrow();
    }
    Helm.push().withChart(tgz).withRemote(URI.create(args[2])).plainHttp().call();
  }
}
