package dev.hoist.maven;

import dev.hoist.api.ValidateOptions;
import dev.hoist.api.ValidationResult;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code hoist:validate}, as {@code hoist validate}: Kubernetes objects offline (Flux's against
 * their CRDs; with {@code overlays} every rendered overlay); a problem fails the build.
 */
@Mojo(name = "validate", aggregator = true, threadSafe = true)
public class ValidateMojo extends HoistMojo {
  /** Files or directories to check; default {@code flux}. */
  @Parameter(property = "hoist.paths")
  List<String> paths;

  /** A directory or file of CRDs (Flux's, for Flux objects). */
  @Parameter(property = "hoist.crds")
  String crds;

  /** A Kubernetes OpenAPI v2 document for built-in kinds. */
  @Parameter(property = "hoist.k8sOpenapi")
  String k8sOpenapi;

  /** Validates every rendered overlay of hoist.yaml instead of files. */
  @Parameter(property = "hoist.overlays", defaultValue = "false")
  boolean overlays;

  @Override
  void run() throws MojoFailureException {
    ValidationResult result =
        hoist()
            .validate(
                ValidateOptions.defaults()
                    .paths(paths == null ? List.of() : paths.stream().map(Path::of).toList())
                    .crds(path(crds))
                    .openApi(path(k8sOpenapi))
                    .overlays(overlays));
    for (ValidationResult.Problem problem : result.problems()) {
      getLog().error(problem.toString());
    }
    if (result.missingCrds()) {
      getLog().error(ValidationResult.NO_CRDS);
    }
    if (!result.ok()) {
      throw new MojoFailureException(
          result.problems().size() + " problem(s) in " + result.objects() + " object(s)");
    }
    getLog()
        .info("hoist: " + result.objects() + " object(s) in " + result.files() + " file(s) valid");
  }
}
