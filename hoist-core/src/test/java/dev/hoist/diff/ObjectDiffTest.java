package dev.hoist.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Object diffs honour list-map keys: reordering containers or env is no change. */
class ObjectDiffTest {
  private static Map<String, Object> deployment(List<Object> containers) {
    return Map.of(
        "apiVersion",
        "apps/v1",
        "kind",
        "Deployment",
        "metadata",
        Map.of("name", "api"),
        "spec",
        Map.of("template", Map.of("spec", Map.of("containers", containers))));
  }

  private static Map<String, Object> container(String name, String image, List<Object> args) {
    return Map.of(
        "name",
        name,
        "image",
        image,
        "args",
        args,
        "env",
        List.of(Map.of("name", "B", "value", "2"), Map.of("name", "A", "value", "1")),
        "ports",
        List.of(Map.of("containerPort", 9090), Map.of("containerPort", 8080)));
  }

  @Test
  void reorderedListMapItemsAreNoChange() {
    Map<String, Object> before =
        deployment(
            List.of(
                container("api", "api:1", List.of("-v")), container("sidecar", "s:1", List.of())));
    Map<String, Object> reordered =
        deployment(
            List.of(
                container("sidecar", "s:1", List.of()), container("api", "api:1", List.of("-v"))));
    assertEquals(List.of(), ObjectDiff.between(List.of(before), List.of(reordered)));
  }

  @Test
  void aChangedItemShowsInPlaceAndOrderedListsKeepTheirOrder() {
    Map<String, Object> before =
        deployment(
            List.of(
                container("api", "api:1", List.of("-a", "-b")),
                container("sidecar", "s:1", List.of())));
    Map<String, Object> after =
        deployment(
            List.of(
                container("sidecar", "s:2", List.of()),
                container("api", "api:1", List.of("-b", "-a"))));
    List<ObjectDiff.Change> changes = ObjectDiff.between(List.of(before), List.of(after));
    assertEquals(1, changes.size());
    String diff = changes.get(0).diff();
    List<String> changed = diff.lines().filter(l -> l.matches("[-+] .*")).toList();
    assertEquals(
        // args keep their order (a change), the sidecar's image changes where it stands
        List.of("-        - -a", "+        - -a", "-        image: s:1", "+        image: s:2"),
        changed,
        diff);
  }
}
