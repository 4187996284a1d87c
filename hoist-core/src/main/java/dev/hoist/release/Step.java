package dev.hoist.release;

/**
 * One stage of a release with its inputs bound: {@link Release} calls it once, names it in a
 * failure ({@link Failures#classify}) and passes its typed output to the stages that need it. None
 * calls back up.
 *
 * @param <T> what the stage produces
 */
@FunctionalInterface
interface Step<T> {
  T run() throws Exception;

  /** A stage that only checks (or writes into the scratch directory) and produces nothing. */
  @FunctionalInterface
  interface Check {
    void run() throws Exception;
  }
}
