package dev.hoist.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** hoist's own version, written into image history (so a shaded jar never records {@code null}). */
public final class HoistVersion {
  private static final String VERSION = load();

  private HoistVersion() {}

  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = HoistVersion.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      String v = p.getProperty("version", "");
      return v.isEmpty() || v.startsWith("${") ? "dev" : v;
    } catch (IOException e) {
      return "dev";
    }
  }
}
