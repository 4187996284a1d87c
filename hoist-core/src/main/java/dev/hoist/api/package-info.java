/**
 * hoist's public Java API: the one entry point that every front end (the CLI, the Maven plugin, a
 * build script) calls, in the spirit of jib-core's {@code Jib}/{@code Containerizer}.
 *
 * <pre>{@code
 * ReleaseResult r = Hoist.project(Path.of("."))
 *     .progress(System.err::println)
 *     .release(ReleaseOptions.defaults().registry("ghcr.io/acme").snapshot(true));
 * }</pre>
 *
 * <p>Only the types of this package (and of the JDK) appear in its public signatures; everything
 * else in {@code dev.hoist} is internal and may change. Options and results are immutable records;
 * every refusal is a {@link dev.hoist.api.HoistFailure} with a one-line message and the exit code
 * the CLI would exit with. Nothing here calls {@code System.exit} or prints: progress goes to the
 * caller's listener.
 */
package dev.hoist.api;
