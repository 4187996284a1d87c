package dev.hoist.oci;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * An HTTP answer whose body is still to be read ({@code headOnly}: the answer to a HEAD); close it
 * when done.
 */
record Response(int status, HttpHeaders headers, InputStream body, URI uri, boolean headOnly)
    implements Closeable {
  private static final int DRAIN_MAX = 64 * 1024;

  Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  /** Reads the whole body, failing when it is longer than {@code cap} bytes. */
  byte[] readAll(int cap, String what) throws IOException {
    long declared = headers.firstValueAsLong("Content-Length").orElse(-1);
    if (declared > cap) {
      close();
      throw new IOException(what + " is " + declared + " bytes, more than the limit of " + cap);
    }
    try (InputStream in = body) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[16 * 1024];
      for (int n; (n = in.read(buf)) > 0; ) {
        out.write(buf, 0, n);
        if (out.size() > cap) {
          throw new IOException(what + " is more than the limit of " + cap + " bytes");
        }
      }
      return out.toByteArray();
    }
  }

  /** Reads up to {@code cap} bytes of the body for an error message, ignoring read failures. */
  byte[] readQuietly(int cap) {
    try (InputStream in = body) {
      return in.readNBytes(cap);
    } catch (IOException e) {
      return new byte[0];
    }
  }

  /**
   * Closes the body. A short rest (an error text, the empty body of a 201 or 202, a HEAD answer's)
   * is read to its end first: java.net.http drops the connection when a body is closed before its
   * end has been seen, and every request would then pay for a new one. A long rest (an abandoned
   * blob) is not read.
   */
  @Override
  public void close() {
    try (InputStream in = body) {
      long declared = headers.firstValueAsLong("Content-Length").orElse(-1);
      if (headOnly || (declared >= 0 && declared <= DRAIN_MAX)) {
        in.skip(DRAIN_MAX);
      }
    } catch (IOException ignored) {
      // nothing left to read
    }
  }
}
