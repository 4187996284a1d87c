package dev.hoist.image;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One Jib build's resources: a scratch directory under the cache directory (holding the application
 * layer cache and any tarball) and an executor of daemon threads. {@link #close} shuts the executor
 * down and deletes the scratch directory, so no Jib thread keeps the JVM alive.
 */
final class JibRun implements AutoCloseable {
  static final String TOOL_NAME = "hoist";
  static final String BASE_LAYERS = "base-layers";

  final Path work;
  private final Path cacheDir;
  private final Consumer<String> progress;
  private final ExecutorService executor;

  private JibRun(Path cacheDir, Path work, Consumer<String> progress) {
    this.cacheDir = cacheDir;
    this.work = work;
    this.progress = progress;
    AtomicInteger count = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "hoist-jib-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  static JibRun open(Path cacheDir, Consumer<String> progress) throws IOException {
    Files.createDirectories(cacheDir);
    return new JibRun(cacheDir, Files.createTempDirectory(cacheDir, "build-"), progress);
  }

  /** Where progress lines go. */
  Consumer<String> progress() {
    return progress;
  }

  /** Tool name and version, executor, caches and progress forwarding, the same for every target. */
  Containerizer configure(Containerizer containerizer, String toolVersion) {
    return containerizer
        .setToolName(TOOL_NAME)
        .setToolVersion(toolVersion)
        .setExecutorService(executor)
        .setBaseImageLayersCache(cacheDir.resolve(BASE_LAYERS))
        .setApplicationLayersCache(work.resolve("app-layers"))
        .addEventHandler(LogEvent.class, this::log)
        .addEventHandler(
            com.google.cloud.tools.jib.event.events.ProgressEvent.class,
            new TransferProgress(progress, System::nanoTime));
  }

  /** Runs Jib; any failure becomes an {@link IOException} with one line saying what failed. */
  static JibContainer containerize(
      JibContainerBuilder container, Containerizer containerizer, String what) throws IOException {
    try {
      return container.containerize(containerizer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(what + ": interrupted");
    } catch (ExecutionException e) {
      throw new IOException(
          what + " failed: " + oneLine(e.getCause() != null ? e.getCause() : e), e);
    } catch (RegistryException | CacheDirectoryCreationException e) {
      throw new IOException(what + " failed: " + oneLine(e), e);
    }
  }

  static String oneLine(Throwable e) {
    String first = firstLine(e);
    Throwable cause = e.getCause();
    if (cause == null || cause.getMessage() == null || first.contains(firstLine(cause))) {
      return first;
    }
    return first + " (" + firstLine(cause) + ")";
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank()
        ? e.getClass().getSimpleName()
        : message.strip().lines().findFirst().orElse("");
  }

  private void log(LogEvent event) {
    String message = event.getMessage();
    if (message == null || message.isBlank()) {
      return;
    }
    switch (event.getLevel()) {
      case ERROR -> progress.accept("jib error: " + message);
      case WARN -> {
        // with --insecure, plain HTTP was asked for: Jib's "Attempting again with HTTP" is noise
        if (!message.contains("Attempting again with")) {
          progress.accept("jib warning: " + message);
        }
      }
      case LIFECYCLE -> progress.accept(message);
      default -> {}
    }
  }

  @Override
  public void close() throws IOException {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> paths = Files.walk(work)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
