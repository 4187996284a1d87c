package dev.hoist.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hoist.yaml.SafeYaml;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadImagesTest {
  @Test
  void everyContainerListAtAnyDepthInOrderWithoutDuplicates() {
    String cronJob =
        """
        kind: CronJob
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  initContainers: [{name: init, image: "busybox:1.36"}]
                  containers:
                    - {name: job, image: "ghcr.io/acme/job@sha256:abc"}
                    - {name: side, image: "neo4j:5"}
                    - {name: empty}
        """;
    String pod =
        """
        kind: Pod
        metadata: {annotations: {image: "not-a-container"}}
        spec:
          containers: [{name: a, image: "neo4j:5"}]
          ephemeralContainers: [{name: debug, image: "nicolaka/netshoot"}]
        """;
    assertEquals(
        List.of("busybox:1.36", "ghcr.io/acme/job@sha256:abc", "neo4j:5", "nicolaka/netshoot"),
        List.copyOf(
            WorkloadImages.of(
                List.of(SafeYaml.parse(cronJob, "cronjob"), SafeYaml.parse(pod, "pod")))));
  }
}
