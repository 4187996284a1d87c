package dev.hoist.validate;

import dev.hoist.yaml.YamlNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The built-in kinds of a Kubernetes OpenAPI v2 document ({@code kubectl get --raw /openapi/v2}, as
 * JSON): every definition with {@code x-kubernetes-group-version-kind} becomes a served kind,
 * checked with its {@code $ref}s resolved. Quantities take numbers or strings and IntOrString an
 * integer or a string, as the API server does; raw extensions hold anything.
 */
final class OpenApiSchemas {
  private static final String PREFIX = "#/definitions/";

  private OpenApiSchemas() {}

  static void addTo(CrdSchemas crds, Path file) {
    YamlNode root;
    try {
      root = JsonDocument.read(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "--k8s-openapi " + file + ": cannot read as JSON (" + e.getMessage() + ")");
    }
    if (!(root instanceof YamlNode.Mapping doc)
        || !(doc.entries().get("definitions") instanceof YamlNode.Mapping definitions)) {
      throw new IllegalArgumentException(
          "--k8s-openapi " + file + ": not an OpenAPI v2 document (no definitions)");
    }
    Map<String, YamlNode.Mapping> refs = new LinkedHashMap<>();
    definitions
        .entries()
        .forEach(
            (name, node) -> {
              if (node instanceof YamlNode.Mapping def) {
                refs.put(PREFIX + name, special(name, def));
              }
            });
    crds.addDefinitions(refs);
    definitions
        .entries()
        .forEach(
            (name, node) -> {
              if (node instanceof YamlNode.Mapping def
                  && def.entries().get("x-kubernetes-group-version-kind")
                      instanceof YamlNode.Sequence gvks
                  && gvks.items().size() == 1
                  && gvks.items().get(0) instanceof YamlNode.Mapping gvk) {
                String group = SchemaCheck.text(gvk.entries().get("group"));
                String version = SchemaCheck.text(gvk.entries().get("version"));
                String kind = SchemaCheck.text(gvk.entries().get("kind"));
                if (version != null && kind != null) {
                  String apiVersion =
                      group == null || group.isEmpty() ? version : group + "/" + version;
                  crds.addBuiltin(apiVersion, kind, refs.get(PREFIX + name));
                }
              }
            });
  }

  /** Definitions whose OpenAPI form is narrower than what the API server accepts. */
  private static YamlNode.Mapping special(String name, YamlNode.Mapping def) {
    return switch (name) {
      case "io.k8s.apimachinery.pkg.api.resource.Quantity",
          "io.k8s.apimachinery.pkg.runtime.RawExtension",
          "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON" ->
          new YamlNode.Mapping(Map.of(), Map.of(), def.line());
      case "io.k8s.apimachinery.pkg.util.intstr.IntOrString" ->
          new YamlNode.Mapping(
              Map.of("x-kubernetes-int-or-string", new YamlNode.Scalar("true", true, def.line())),
              Map.of(),
              def.line());
      default -> def;
    };
  }
}
