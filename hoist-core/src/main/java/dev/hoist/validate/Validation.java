package dev.hoist.validate;

import dev.hoist.yaml.SafeYaml;
import dev.hoist.yaml.YamlException;
import dev.hoist.yaml.YamlNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
  public record Request(List<Path> paths, Path crds) {
    public Request {
      paths = List.copyOf(paths);
    }
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
    CrdSchemas crds = request.crds() == null ? CrdSchemas.none() : CrdSchemas.load(request.crds());
    return run(request.paths(), crds);
  }

  /** Validates against already loaded CRDs. */
  public static Result run(List<Path> paths, CrdSchemas crds) {
    List<Problem> problems = new ArrayList<>();
    List<Path> files = Inputs.files(paths);
    int objects = 0;
    boolean missing = false;
    for (Path file : files) {
      String name = file.toString();
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        problems.add(new Problem(name, 0, "file", "", "cannot read: " + e.getMessage()));
        continue;
      }
      List<YamlNode> docs;
      try {
        docs = SafeYaml.parseAll(text, name);
      } catch (YamlException e) {
        problems.add(new Problem(name, 0, "file", "", e.getMessage()));
        continue;
      }
      ObjectCheck check = new ObjectCheck(crds, name, problems::add);
      for (int i = 0; i < docs.size(); i++) {
        objects += check.check(docs.get(i), i);
      }
      missing |= check.fluxWithoutCrds;
    }
    return new Result(files.size(), objects, crds.size(), problems, missing);
  }
}
