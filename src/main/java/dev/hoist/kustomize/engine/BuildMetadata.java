package dev.hoist.kustomize.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code buildMetadata} of the top kustomization (kustomize ignores it further down): {@code originAnnotations}
 * records where each resource came from. {@code managedByLabel} and {@code transformerAnnotations} are
 * refused: the label holds the kustomize build's version ({@code kustomize-(devel)} in kubectl,
 * {@code kustomize-v5.5.0} in the kustomize binary), so no single output matches both.
 */
final class BuildMetadata {
  static final String ORIGIN = "config.kubernetes.io/origin";

  private BuildMetadata() {
  }

  static void apply(Map<String, Object> k, List<Res> resources, Path topDir) {
    List<Object> options = Tree.listField(k, "buildMetadata", "buildMetadata");
    for (Object o : options) {
      if (!"originAnnotations".equals(o)) {
        throw new RenderException(topDir + ": buildMetadata " + o
            + " is not supported by the embedded engine; use --engine kustomize");
      }
    }
    if (options.isEmpty()) {
      return;
    }
    Path top = topDir.toAbsolutePath().normalize();
    for (Res r : resources) {
      if (r.origin == null) {
        continue;
      }
      String path = top.relativize(r.origin).toString().replace('\\', '/');
      String text = r.generator == null ? "path: " + path + "\n"
          : "configuredIn: " + path + "\nconfiguredBy:\n  apiVersion: builtin\n  kind: " + r.generator + "\n";
      Tree.child(r.metadata(), "annotations").put(ORIGIN, text);
    }
  }
}
