package dev.hoist.oci;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs a few I/O tasks at the same time: the first on the calling thread, each other one on a
 * thread of its own.
 */
final class Parallel {
  interface Task {
    void run() throws IOException;
  }

  private Parallel() {}

  /**
   * Runs every task and waits for all of them, also when one fails; then throws the first failure
   * (in task order), with the others' failures added as suppressed.
   */
  static void run(List<Task> tasks) throws IOException {
    List<FutureTask<Void>> others = new ArrayList<>();
    for (Task task : tasks.subList(Math.min(1, tasks.size()), tasks.size())) {
      FutureTask<Void> future =
          new FutureTask<>(
              () -> {
                task.run();
                return null;
              });
      Thread thread = new Thread(future, "hoist-registry-" + others.size());
      thread.setDaemon(true);
      thread.start();
      others.add(future);
    }
    Throwable failure = null;
    if (!tasks.isEmpty()) {
      try {
        tasks.get(0).run();
      } catch (IOException | RuntimeException | Error e) {
        failure = e;
      }
    }
    boolean interrupted = false;
    for (FutureTask<Void> future : others) {
      while (true) {
        try {
          future.get();
          break;
        } catch (ExecutionException e) {
          failure = add(failure, e.getCause());
          break;
        } catch (InterruptedException e) {
          interrupted =
              true; // the others finish on their own time limits; wait for them all the same
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
      failure = add(failure, new InterruptedIOException("interrupted while pushing"));
    }
    if (failure instanceof IOException io) {
      throw io;
    }
    if (failure instanceof RuntimeException re) {
      throw re;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    if (failure != null) {
      throw new IOException(failure);
    }
  }

  private static Throwable add(Throwable first, Throwable next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }
}
