package dev.hoist.init;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code hoist init} writes for a project's apps (Maven, Python, Node; {@link InitApp}):
 * hoist.yaml, {@code base/} (a Deployment per app with probes, requests, a non-root user and a
 * read-only root filesystem; a Service; an HPA on CPU), the {@code dev}, {@code staging} and {@code
 * prod} overlays, and the GitHub workflows.
 */
final class InitFiles {
  private InitFiles() {}

  static Map<String, String> render(String project, String registry, List<InitApp> apps) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("hoist.yaml", hoistYaml(project, registry, apps));
    StringBuilder resources = new StringBuilder();
    for (InitApp app : apps) {
      files.put("base/" + app.name() + ".yaml", Templates.workload(app.name()));
      resources.append("  - ").append(app.name()).append(".yaml\n");
    }
    files.put(
        "base/kustomization.yaml",
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n"
            + resources);
    for (String env : List.of("dev", "staging", "prod")) {
      files.put(
          "overlays/" + env + "/kustomization.yaml",
          Templates.overlay(project, registry, env, apps));
      files.put("overlays/" + env + "/namespace.yaml", Templates.namespace(project + "-" + env));
    }
    List<String> builds = apps.stream().map(InitApp::build).distinct().toList();
    files.put(".github/workflows/ci.yml", Workflows.ci(builds));
    files.put(".github/workflows/release.yml", Workflows.release(builds));
    return files;
  }

  private static String hoistYaml(String project, String registry, List<InitApp> apps) {
    StringBuilder out = new StringBuilder();
    out.append(
        "# hoist.yaml: what hoist release builds and publishes (README.md, \"hoist.yaml\").\n");
    out.append("project: ").append(project).append('\n');
    out.append("registry: ").append(registry).append('\n');
    out.append("\napps:\n");
    apps.forEach(app -> out.append(app.entry()));
    out.append("\noverlays: [dev, staging, prod]\n");
    out.append("\nclusters:\n");
    out.append(
        "  - name: staging\n    overlay: staging\n    ref: {semver: \">=0.0.0-0\"}   # pre-releases too\n");
    out.append(
        "  - name: production\n    overlay: prod\n    ref: {semver: \">=1.0.0\"}    # stable releases only\n");
    return out.toString();
  }
}
