package dev.hoist.run;

import java.io.PrintStream;

/** Progress for people (the CLI prints it on stderr; machine output goes to stdout). */
@FunctionalInterface
public interface Progress {
  void say(String message);

  /** Prints each message as a line on the given stream. */
  static Progress to(PrintStream stream) {
    return message -> stream.println(message);
  }

  /** Prints each message as a line on the given writer, flushed at once (progress must not lag). */
  static Progress to(java.io.PrintWriter writer) {
    return message -> {
      writer.println(message);
      writer.flush();
    };
  }

  static Progress quiet() {
    return message -> {};
  }
}
