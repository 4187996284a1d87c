package dev.hoist.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A NodePort or LoadBalancer Service in a production overlay. */
final class ExposedInProduction extends BaseRule {
  ExposedInProduction() {
    super(
        "exposed-service-in-production",
        Severity.WARNING,
        "a production overlay has a NodePort or LoadBalancer Service",
        "A NodePort convenient in dev opens a port on every production node, past the ingress and"
            + " its TLS and rules; a stray LoadBalancer costs money and is public.",
        "Use type ClusterIP behind the Ingress in production overlays (patch the type in dev"
            + " only), or mark the overlay as not production (lint.production).");
  }

  @Override
  public List<Finding> check(LintedOverlay overlay) {
    List<Finding> out = new ArrayList<>();
    if (!overlay.production()) {
      return out;
    }
    for (Map<String, Object> service : overlay.ofKind("Service")) {
      Object type = K8s.map(service.get("spec")).get("type");
      if ("NodePort".equals(type) || "LoadBalancer".equals(type)) {
        out.add(
            overlay.finding(
                this,
                service,
                List.of("spec", "type"),
                "type " + type + " in a production overlay"));
      }
    }
    return out;
  }
}
