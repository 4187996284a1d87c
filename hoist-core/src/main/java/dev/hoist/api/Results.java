package dev.hoist.api;

import dev.hoist.artifact.PushResult;
import dev.hoist.clusters.FluxGenerate;
import dev.hoist.images.ImageBuildResult;
import dev.hoist.kustomize.LoadRestrictor;
import dev.hoist.kustomize.RenderEngine;
import dev.hoist.manifests.RenderAll;
import dev.hoist.validate.Validation;
import java.util.List;

/** The engines' results as the API's own records (so no engine type leaks into the API). */
final class Results {
  private Results() {}

  static ReleaseResult of(dev.hoist.release.ReleaseResult r) {
    return new ReleaseResult(
        r.version(),
        r.revision(),
        r.images().stream()
            .map(i -> new ReleaseResult.Image(i.name(), i.ref(), i.digest(), i.tags()))
            .toList(),
        r.artifacts().stream()
            .map(a -> new ReleaseResult.Artifact(a.name(), a.url(), a.tags(), a.digest()))
            .toList(),
        r.flux(),
        r.commit(),
        r.dryRun(),
        r.signatures().stream()
            .map(x -> new ReleaseResult.Signature(x.signed(), x.signature()))
            .toList(),
        r.sboms().stream().map(x -> new ReleaseResult.Sbom(x.image(), x.sbom())).toList());
  }

  static ImagesResult of(ImageBuildResult r) {
    return new ImagesResult(
        r.version(),
        r.images().stream()
            .map(
                i ->
                    new ImagesResult.Image(
                        i.name(),
                        i.ref(),
                        i.digest(),
                        i.tags(),
                        i.platforms(),
                        i.pushed(),
                        i.sbom()))
            .toList());
  }

  static RenderedFiles of(List<RenderAll.Written> written) {
    return new RenderedFiles(
        written.stream()
            .map(w -> new RenderedFiles.File(w.overlay(), w.file(), w.changed()))
            .toList());
  }

  static dev.hoist.api.PushResult of(PushResult r) {
    return new dev.hoist.api.PushResult(
        r.url(), r.repository(), r.tag(), r.digest(), r.warnings(), null);
  }

  static FluxResult of(FluxGenerate.Result r) {
    return new FluxResult(
        r.files().stream().map(f -> new FluxResult.File(f.path(), f.changed(), f.diff())).toList(),
        r.check());
  }

  static ValidationResult of(Validation.Result r) {
    return new ValidationResult(
        r.files(),
        r.objects(),
        r.problems().stream()
            .map(
                p ->
                    new ValidationResult.Problem(
                        p.file(), p.line(), p.object(), p.path(), p.message()))
            .toList(),
        r.missingCrds());
  }

  static RenderEngine engine(RenderOptions.Engine engine) {
    return RenderEngine.valueOf(engine.name());
  }

  static LoadRestrictor restrictor(RenderOptions.LoadRestrictor restrictor) {
    return LoadRestrictor.valueOf(restrictor.name());
  }
}
