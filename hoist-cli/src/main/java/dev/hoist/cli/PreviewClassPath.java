package dev.hoist.cli;

import dev.hoist.run.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * Runs {@code hoist preview} with the libraries only it needs (fabric8's Kubernetes client and
 * Jackson 3: ~8,000 classes) on a class path of its own. {@code hoist.jar} does not hold them, so
 * every other command opens a smaller jar at start-up; its manifest names them ({@value
 * #ATTRIBUTE}, paths relative to the jar: {@code lib/preview/*.jar}, which {@code mvn package}
 * writes beside it). A preview command then runs in a class loader over {@code hoist.jar} and those
 * jars, started afresh from {@link Main#run}; only JDK types cross (writers, arguments, the exit
 * code). Where the libraries are on hoist's own class path already (tests, an embedding build),
 * nothing changes.
 */
final class PreviewClassPath {
  static final String ATTRIBUTE = "Hoist-Preview-Class-Path";

  /** A class of the preview libraries: found only where they are on hoist's class path. */
  private static final String PROBE = "io/fabric8/kubernetes/client/KubernetesClient.class";

  private PreviewClassPath() {}

  /** Whether {@code args} name a preview command whose libraries are not on this class path. */
  static boolean apart(String... args) {
    return args.length > 0
        && args[0].equals("preview")
        && Main.class.getClassLoader().getResource(PROBE) == null;
  }

  /** Runs {@code args} in a class loader over hoist.jar and the preview libraries. */
  static int run(PrintWriter out, PrintWriter err, String... args) {
    URL[] urls;
    try {
      urls = urls(jar()).toArray(URL[]::new);
    } catch (IllegalStateException e) {
      err.println("hoist: error: " + e.getMessage());
      err.flush();
      return ExitCode.FAILURE.code();
    }
    // not closed: the command's threads may load classes until the JVM exits
    URLClassLoader loader =
        new URLClassLoader("hoist-preview", urls, ClassLoader.getPlatformClassLoader());
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      Method run =
          Class.forName(Main.class.getName(), true, loader)
              .getMethod("run", PrintWriter.class, PrintWriter.class, String[].class);
      return (Integer) run.invoke(null, out, err, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("hoist preview: cannot start hoist in its class loader", e);
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  /** The jar this class was loaded from. */
  private static Path jar() {
    try {
      return Path.of(
          PreviewClassPath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      throw new IllegalStateException("hoist preview: cannot tell where hoist.jar is: " + e);
    }
  }

  /** {@code jar} and the libraries its manifest names, each checked to be there. */
  static List<URL> urls(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "hoist preview: the Kubernetes client is not on the class path and hoist does not run"
              + " from hoist.jar ("
              + jar
              + ")");
    }
    String list;
    try (JarFile file = new JarFile(jar.toFile())) {
      Attributes main = file.getManifest() == null ? null : file.getManifest().getMainAttributes();
      list = main == null ? null : main.getValue(ATTRIBUTE);
    } catch (IOException e) {
      throw new IllegalStateException("hoist preview: cannot read " + jar + ": " + e.getMessage());
    }
    if (list == null || list.isBlank()) {
      throw new IllegalStateException(
          "hoist preview: "
              + jar
              + " names no preview libraries (no "
              + ATTRIBUTE
              + " in its manifest)");
    }
    List<URL> urls = new ArrayList<>();
    try {
      urls.add(jar.toUri().toURL());
      for (String entry : list.split(",", -1)) {
        Path lib = jar.resolveSibling(entry.strip());
        if (!Files.isRegularFile(lib)) {
          throw new IllegalStateException(
              "hoist preview needs "
                  + lib
                  + " (the lib/preview directory beside hoist.jar, which mvn package writes)");
        }
        urls.add(lib.toUri().toURL());
      }
    } catch (MalformedURLException e) {
      throw new IllegalStateException("hoist preview: " + e.getMessage());
    }
    return urls;
  }
}
