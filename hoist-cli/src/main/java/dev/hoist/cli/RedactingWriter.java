package dev.hoist.cli;

import dev.hoist.oci.Secrets;
import java.io.PrintWriter;

/**
 * A writer that passes every string through {@link Secrets#redact} before it is written: whatever a
 * command, picocli or a library prints, no credential in use and no URL user-info reaches the
 * terminal or a CI log.
 */
final class RedactingWriter extends PrintWriter {
  RedactingWriter(PrintWriter out) {
    super(out, true);
  }

  @Override
  public void write(String s, int off, int len) {
    String redacted = Secrets.redact(s.substring(off, off + len));
    super.write(redacted, 0, redacted.length());
  }

  @Override
  public void write(char[] buf, int off, int len) {
    write(new String(buf, off, len), 0, len);
  }
}
