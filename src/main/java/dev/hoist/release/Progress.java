package dev.hoist.release;

import java.io.PrintStream;

/** Progress for people (the CLI prints it on stderr; machine output goes to stdout). */
@FunctionalInterface
public interface Progress {
  void say(String message);

  /** Prints each message as a line on the given stream. */
  static Progress to(PrintStream stream) {
    return message -> stream.println(message);
  }

  static Progress quiet() {
    return message -> { };
  }
}
