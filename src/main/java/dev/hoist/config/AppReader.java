package dev.hoist.config;

import dev.hoist.yaml.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads one entry of {@code apps:}. */
final class AppReader {
  private AppReader() {}

  static AppConfig read(Fields f) {
    String name = f.dnsLabel("name", null);
    if (name == null) {
      throw f.error("name", "required");
    }
    String image = f.string("image", name);
    String jar = f.required("jar");
    List<Path> classpath = f.strings("classpath").stream().map(Path::of).toList();
    String mainClass = f.string("mainClass", null);
    List<String> jvmFlags = f.strings("jvmFlags");
    List<String> entrypoint = f.node("entrypoint") == null ? null : f.strings("entrypoint");
    String base = f.string("base", "scratch");
    List<Integer> ports = new ArrayList<>();
    for (String port : f.strings("ports")) {
      ports.add(port(f, port));
    }
    AppConfig app = new AppConfig(name, image, Path.of(jar), classpath, mainClass, jvmFlags, entrypoint, base,
        ports, f.stringMap("env"), f.string("workingDir", null), f.string("user", null));
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
