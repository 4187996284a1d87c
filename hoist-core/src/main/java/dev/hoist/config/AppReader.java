package dev.hoist.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads one entry of {@code apps:}. */
final class AppReader {
  private AppReader() {}

  static AppConfig read(Fields f) {
    String name = f.dnsLabel("name", null);
    if (name == null) {
      throw f.error("name", "required");
    }
    String image = f.string("image", name);
    // keys in the order the "allowed:" list shows them: the JVM keys first, then the later
    // additions
    boolean hasJar = f.node("jar") != null;
    List<Path> classpath = f.strings("classpath").stream().map(Path::of).toList();
    String mainClass = f.string("mainClass", null);
    List<String> jvmFlags = f.strings("jvmFlags");
    List<String> entrypoint = f.node("entrypoint") == null ? null : f.strings("entrypoint");
    String base = f.string("base", "scratch");
    List<Integer> ports = new ArrayList<>();
    for (String port : f.strings("ports")) {
      ports.add(port(f, port));
    }
    Map<String, String> env = f.stringMap("env");
    String workingDir = f.string("workingDir", null);
    String user = f.string("user", null);
    String kind = f.string("kind", AppConfig.JVM);
    if (!kind.equals(AppConfig.JVM) && !kind.equals(AppConfig.FILES)) {
      throw f.error("kind", "'" + kind + "' is not jvm or files");
    }
    boolean files = kind.equals(AppConfig.FILES);
    for (String jvmOnly : List.of("jar", "classpath", "mainClass", "jvmFlags")) {
      if (files && f.node(jvmOnly) != null) {
        throw f.error(jvmOnly, "is for kind: jvm apps; this app is kind: files (use layers)");
      }
    }
    if (!files && f.node("layers") != null) {
      throw f.error("layers", "is for kind: files apps; this app is kind: jvm");
    }
    String jar = files ? null : f.required("jar");
    List<LayerConfig> layers = LayerReader.read(f);
    if (files && layers.isEmpty()) {
      throw f.error("layers", "required for kind: files (at least one layer)");
    }
    List<String> cmd = f.node("cmd") == null ? null : f.strings("cmd");
    AppConfig app =
        new AppConfig(
            name,
            image,
            kind,
            hasJar ? Path.of(jar) : null,
            classpath,
            mainClass,
            jvmFlags,
            entrypoint,
            base,
            ports,
            env,
            workingDir,
            user,
            cmd,
            LayerReader.labels(f),
            layers);
    f.finish();
    return app;
  }

  private static int port(Fields f, String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // fall through to the error
    }
    throw f.error("ports", "'" + text + "' is not a port number (1-65535)");
  }
}
