package dev.hoist.release;

/**
 * One stage of a release. Steps run in order over a shared {@link ReleaseContext}; none calls back
 * up.
 */
interface Step {
  /** A short name for progress lines. */
  String name();

  void run(ReleaseContext context) throws Exception;
}
