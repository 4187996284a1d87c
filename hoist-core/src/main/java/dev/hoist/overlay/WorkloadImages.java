package dev.hoist.overlay;

import dev.hoist.yaml.YamlNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The container images rendered objects run: every {@code image} of a {@code containers}, {@code
 * initContainers} or {@code ephemeralContainers} entry, at any depth (Deployments, CronJobs, Pods,
 * custom resources with pod templates), in order of appearance, without duplicates.
 */
public final class WorkloadImages {
  private static final Set<String> CONTAINER_LISTS =
      Set.of("containers", "initContainers", "ephemeralContainers");

  private WorkloadImages() {}

  public static Set<String> of(List<YamlNode> objects) {
    Set<String> images = new LinkedHashSet<>();
    objects.forEach(o -> walk(o, images));
    return images;
  }

  private static void walk(YamlNode node, Set<String> images) {
    if (node instanceof YamlNode.Mapping map) {
      map.entries()
          .forEach(
              (key, value) -> {
                if (CONTAINER_LISTS.contains(key) && value instanceof YamlNode.Sequence list) {
                  for (YamlNode item : list.items()) {
                    if (item instanceof YamlNode.Mapping container
                        && container.entries().get("image") instanceof YamlNode.Scalar image
                        && !image.isNull()
                        && !image.text().isBlank()) {
                      images.add(image.text().strip());
                    }
                  }
                }
                walk(value, images);
              });
    } else if (node instanceof YamlNode.Sequence list) {
      list.items().forEach(item -> walk(item, images));
    }
  }
}
