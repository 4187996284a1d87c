package dev.hoist.image;

/**
 * Lets Jib send registry credentials over plain HTTP while an insecure push runs. Jib only reads
 * this from the {@code sendCredentialsOverHttp} system property, so it is set for the duration of
 * insecure pushes (counted, for concurrent builds) and restored afterwards; a value the user set is
 * left alone.
 */
final class HttpCredentials implements AutoCloseable {
  static final String PROPERTY = "sendCredentialsOverHttp";
  private static final Object LOCK = new Object();
  private static int users;
  private static String previous;

  private HttpCredentials() {}

  static HttpCredentials allow() {
    synchronized (LOCK) {
      if (users++ == 0) {
        previous = System.getProperty(PROPERTY);
        System.setProperty(PROPERTY, "true");
      }
    }
    return new HttpCredentials();
  }

  @Override
  public void close() {
    synchronized (LOCK) {
      if (--users == 0) {
        if (previous == null) {
          System.clearProperty(PROPERTY);
        } else {
          System.setProperty(PROPERTY, previous);
        }
      }
    }
  }
}
