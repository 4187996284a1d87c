package dev.hoist.init;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deployable Maven module found by {@code hoist init}: its directory (relative to the checkout),
 * artifactId, and the jar {@code mvn package} writes. A {@code pom} packaging with {@code
 * <modules>} is looked into; {@code jar} modules are the apps.
 *
 * @param dir the module's directory relative to the checkout ("" for the root)
 * @param artifactId the module's artifactId (the app's name, lower-cased to a DNS label)
 * @param jar the packaged jar, relative to the checkout
 */
public record MavenApp(String dir, String artifactId, String jar) {
  private static final Pattern PARENT = Pattern.compile("(?s)<parent>.*?</parent>");
  private static final Pattern BUILD =
      Pattern.compile("(?s)<(build|dependencies|dependencyManagement|profiles|plugins)>.*?</\\1>");

  /** The app's name: the artifactId as a DNS label. */
  public String name() {
    return artifactId.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
  }

  /** The apps of the Maven project in {@code root}; empty when there is no pom.xml. */
  public static List<MavenApp> find(Path root) throws IOException {
    List<MavenApp> out = new ArrayList<>();
    find(root, "", out, 0);
    return out;
  }

  private static void find(Path root, String dir, List<MavenApp> out, int depth)
      throws IOException {
    Path pom = root.resolve(dir).resolve("pom.xml");
    if (!Files.isRegularFile(pom) || depth > 3) {
      return;
    }
    String xml = Files.readString(pom, StandardCharsets.UTF_8).replaceAll("(?s)<!--.*?-->", "");
    String parent = find(PARENT, xml);
    String own = BUILD.matcher(PARENT.matcher(xml).replaceAll("")).replaceAll("");
    String artifactId = tag(own, "artifactId");
    String version = tag(own, "version");
    if (version == null && parent != null) {
      version = tag(parent, "version");
    }
    String packaging = tag(own, "packaging");
    if ("pom".equals(packaging)) {
      Matcher modules = Pattern.compile("<module>\\s*([^<]+?)\\s*</module>").matcher(xml);
      while (modules.find()) {
        find(root, dir.isEmpty() ? modules.group(1) : dir + "/" + modules.group(1), out, depth + 1);
      }
      return;
    }
    if (artifactId == null || !(packaging == null || packaging.equals("jar"))) {
      return;
    }
    String finalName = tag(xml, "finalName");
    String name =
        finalName != null ? finalName : artifactId + (version == null ? "" : "-" + version);
    String jar = (dir.isEmpty() ? "" : dir + "/") + "target/" + name + ".jar";
    out.add(new MavenApp(dir, artifactId, jar));
  }

  private static String find(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? m.group() : null;
  }

  private static String tag(String xml, String name) {
    Matcher m = Pattern.compile("<" + name + ">\\s*([^<]+?)\\s*</" + name + ">").matcher(xml);
    return m.find() ? m.group(1) : null;
  }
}
