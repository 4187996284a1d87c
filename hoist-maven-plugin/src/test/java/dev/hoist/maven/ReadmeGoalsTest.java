package dev.hoist.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoist.testing.RealParts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The README's "Maven plugin" table names every goal and every parameter with its user property, as
 * the plugin descriptor that Maven reads (generated from the Mojos) has them.
 */
class ReadmeGoalsTest {
  @Test
  void theReadmeTableIsThePluginDescriptor() throws Exception {
    String readme = Files.readString(RealParts.repoRoot().resolve("README.md"));
    String section =
        readme.substring(
            readme.indexOf("## Maven plugin"),
            readme.indexOf("\n## ", readme.indexOf("## Maven plugin") + 1));
    Document plugin =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(Path.of("target/classes/META-INF/maven/plugin.xml").toFile());
    List<String> missing = new ArrayList<>();
    TreeSet<String> goals = new TreeSet<>();
    NodeList mojos = plugin.getElementsByTagName("mojo");
    for (int i = 0; i < mojos.getLength(); i++) {
      Element mojo = (Element) mojos.item(i);
      String goal = text(mojo, "goal");
      goals.add(goal);
      String row =
          section
              .lines()
              .filter(l -> l.startsWith("| `hoist:" + goal + "` |"))
              .findFirst()
              .orElse("");
      if (row.isEmpty()) {
        missing.add("no row for hoist:" + goal);
        continue;
      }
      Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
      NodeList parameters =
          ((Element) mojo.getElementsByTagName("parameters").item(0))
              .getElementsByTagName("parameter");
      for (int j = 0; j < parameters.getLength(); j++) {
        Element parameter = (Element) parameters.item(j);
        if (!"true".equals(text(parameter, "editable"))) {
          continue;
        }
        String name = text(parameter, "name");
        String property = text(configuration, name).replaceAll("^\\$\\{(.*)}$", "$1");
        if (property.isEmpty()) {
          missing.add("hoist:" + goal + " " + name + " has no user property");
          continue;
        }
        String documented = "`" + name + "` (`" + property + "`";
        boolean shared = name.equals("config") || name.equals("skip");
        if (!(shared ? section : row).contains(documented)) {
          missing.add("hoist:" + goal + ": " + documented);
        }
      }
    }
    assertEquals(
        new TreeSet<>(List.of("build", "flux", "push", "release", "render", "validate")), goals);
    assertEquals(List.of(), missing);
    assertTrue(section.contains("`config` (`hoist.config`"), section);
  }

  private static String text(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
  }
}
