package dev.hoist.validate;

import dev.hoist.yaml.SafeYaml;
import dev.hoist.yaml.YamlException;
import dev.hoist.yaml.YamlNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code hoist validate}: every document of the given files is a well-formed Kubernetes object, and
 * every object whose CRD is given matches the served version's schema strictly.
 */
public final class Validation {
  /** What to say when Flux objects are found but no CRDs were given. */
  public static final String NO_CRDS =
      "Flux objects found but no CRDs given: pass --crds DIR (the Flux CRDs, "
          + "e.g. a checkout's config/crd/bases, or a cluster export: kubectl get crd -o yaml > crds.yaml; "
          + "--crds crds.yaml)";

  private Validation() {}

  /**
   * What to validate.
   *
   * @param paths files or directories of YAML
   * @param crds a directory or file of CRDs; {@code null} for none
   */
  public record Request(List<Path> paths, Path crds, Path openApi) {
    public Request {
      paths = List.copyOf(paths);
    }

    public Request(List<Path> paths, Path crds) {
      this(paths, crds, null);
    }
  }

  /** The schemas of a request: its CRDs, and the built-in kinds of its OpenAPI document. */
  public static CrdSchemas schemas(Path crds, Path openApi) {
    CrdSchemas schemas = crds == null ? CrdSchemas.none() : CrdSchemas.load(crds);
    return openApi == null ? schemas : schemas.withOpenApi(openApi);
  }

  /**
   * The outcome: problems in file order; {@code missingCrds} when Flux objects could not be
   * checked.
   */
  public record Result(
      int files, int objects, int schemas, List<Problem> problems, boolean missingCrds) {
    public boolean ok() {
      return problems.isEmpty() && !missingCrds;
    }
  }

  /**
   * Validates; throws {@link IllegalArgumentException} with one line for unreadable input or CRDs.
   */
  public static Result run(Request request) {
    return run(request.paths(), schemas(request.crds(), request.openApi()));
  }

  /** Validates against already loaded CRDs. */
  public static Result run(List<Path> paths, CrdSchemas crds) {
    List<Problem> problems = new ArrayList<>();
    Map<String, String> texts = new LinkedHashMap<>();
    for (Path file : Inputs.files(paths)) {
      try {
        texts.put(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        problems.add(new Problem(file.toString(), 0, "file", "", "cannot read: " + e.getMessage()));
      }
    }
    Result result = runTexts(texts, crds);
    problems.addAll(result.problems());
    return new Result(
        texts.size() + problems.size() - result.problems().size(),
        result.objects(),
        result.schemas(),
        problems,
        result.missingCrds());
  }

  /**
   * Validates YAML texts by name (a file, or a rendered overlay); the CustomResourceDefinitions the
   * texts contain are schemas too, as if given with {@code crds}.
   */
  public static Result runTexts(Map<String, String> texts, CrdSchemas given) {
    List<Problem> problems = new ArrayList<>();
    int objects = 0;
    boolean missing = false;
    Map<String, List<YamlNode>> parsed = new LinkedHashMap<>();
    List<YamlNode> all = new ArrayList<>();
    for (Map.Entry<String, String> entry : texts.entrySet()) {
      try {
        List<YamlNode> docs = SafeYaml.parseAll(entry.getValue(), entry.getKey());
        parsed.put(entry.getKey(), docs);
        all.addAll(docs);
      } catch (YamlException e) {
        problems.add(new Problem(entry.getKey(), 0, "file", "", e.getMessage()));
      }
    }
    CrdSchemas crds = given.withDocuments(all);
    for (Map.Entry<String, List<YamlNode>> entry : parsed.entrySet()) {
      String name = entry.getKey();
      List<YamlNode> docs = entry.getValue();
      ObjectCheck check = new ObjectCheck(crds, name, problems::add);
      for (int i = 0; i < docs.size(); i++) {
        objects += check.check(docs.get(i), i);
      }
      missing |= check.fluxWithoutCrds;
    }
    return new Result(texts.size(), objects, crds.size(), problems, missing);
  }
}
