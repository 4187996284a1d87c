package dev.hoist.sbom;

import dev.hoist.tar.TarReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The packages in an image layer: Maven jars (coordinates from {@code META-INF/maven/**
 * /pom.properties}, else the file name; the jar's SHA-256), Python distributions ({@code
 * *.dist-info/METADATA}) and Node packages ({@code node_modules/**}{@code /package.json}).
 */
final class Packages {
  private static final long MAX_JAR = 256L * 1024 * 1024;
  private static final Pattern METADATA_FIELD = Pattern.compile("(?m)^(Name|Version): (.+)$");
  private static final Pattern JSON_FIELD =
      Pattern.compile("\"(name|version)\"\\s*:\\s*\"([^\"]+)\"");

  private Packages() {}

  static List<Component> scan(InputStream gzippedLayer) throws IOException {
    List<Component> out = new ArrayList<>();
    TarReader tar = new TarReader(new GZIPInputStream(gzippedLayer));
    for (TarReader.Entry e = tar.next(); e != null; e = tar.next()) {
      String name = e.name();
      if (e.type() != '0' && e.type() != 0) {
        continue;
      }
      if (name.endsWith(".jar") && e.size() <= MAX_JAR) {
        byte[] jar = tar.content().readAllBytes();
        out.add(jar(name, jar));
      } else if (name.endsWith(".dist-info/METADATA")) {
        String text = new String(tar.content().readAllBytes(), StandardCharsets.UTF_8);
        String[] nv = fields(METADATA_FIELD, text);
        if (nv[0] != null) {
          out.add(
              new Component(
                  "library",
                  null,
                  nv[0],
                  nv[1],
                  "pkg:pypi/" + nv[0].toLowerCase(java.util.Locale.ROOT) + version(nv[1]),
                  null,
                  name));
        }
      } else if (name.contains("node_modules/")
          && name.endsWith("/package.json")
          && name.substring(name.lastIndexOf("node_modules/") + 13).split("/", -1).length <= 3) {
        String text = new String(tar.content().readAllBytes(), StandardCharsets.UTF_8);
        String[] nv = fields(JSON_FIELD, text);
        if (nv[0] != null) {
          String purlName = nv[0].startsWith("@") ? "%40" + nv[0].substring(1) : nv[0];
          out.add(
              new Component(
                  "library",
                  null,
                  nv[0],
                  nv[1],
                  "pkg:npm/" + purlName + version(nv[1]),
                  null,
                  name));
        }
      }
    }
    return out;
  }

  private static Component jar(String path, byte[] jar) throws IOException {
    String sha = sha256(jar);
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
      for (ZipEntry z = zip.getNextEntry(); z != null; z = zip.getNextEntry()) {
        if (z.getName().startsWith("META-INF/maven/") && z.getName().endsWith("/pom.properties")) {
          Properties p = new Properties();
          p.load(zip);
          String group = p.getProperty("groupId");
          String artifact = p.getProperty("artifactId");
          String version = p.getProperty("version");
          if (group != null && artifact != null) {
            return new Component(
                "library",
                group,
                artifact,
                version,
                "pkg:maven/" + group + "/" + artifact + version(version),
                sha,
                path);
          }
        }
      }
    } catch (IOException e) {
      // not a readable jar: named by its file
    }
    String file = path.substring(path.lastIndexOf('/') + 1, path.length() - 4);
    Matcher m = Pattern.compile("(.+?)-(\\d[^/]*)").matcher(file);
    String name = m.matches() ? m.group(1) : file;
    String version = m.matches() ? m.group(2) : null;
    return new Component(
        "library", null, name, version, "pkg:maven/" + name + version(version), sha, path);
  }

  private static String version(String v) {
    return v == null ? "" : "@" + v;
  }

  private static String[] fields(Pattern p, String text) {
    String[] nv = new String[2];
    Matcher m = p.matcher(text);
    while (m.find()) {
      int i = m.group(1).equalsIgnoreCase("name") ? 0 : 1;
      if (nv[i] == null) {
        nv[i] = m.group(2).strip();
      }
    }
    return nv;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
