package dev.hoist.chart;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import com.marcnuri.helm.jni.NativeLibrary;
import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Real Helm, in-process: Helm's Go library through helm-java (JNA). The only class of hoist that
 * touches Helm, so its 27 MB native library loads only when a chart is linted or rendered. The
 * library is bundled for linux-amd64; elsewhere every call is one clear error (helm-java would
 * otherwise try to download a native jar from the network).
 */
final class HelmLibrary {
  private HelmLibrary() {}

  /** Helm's linter: its messages ({@code [ERROR] …}, {@code [WARNING] …}) and whether it failed. */
  record Lint(List<String> messages, boolean failed) {}

  /** What to render and with which values. */
  record Render(
      String chart,
      String version,
      List<Path> valuesFiles,
      Map<String, String> set,
      String release,
      String namespace,
      String kubeVersion,
      boolean plainHttp) {}

  /** Refuses a platform without a bundled native library, naming it. */
  static void requireSupported() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    boolean amd64 = arch.equals("amd64") || arch.equals("x86_64");
    if (!os.startsWith("linux")
        || !amd64
        || NativeLibrary.serviceProviderLibrary(HelmLibrary.class.getClassLoader()) == null) {
      throw new HoistException(
          ExitCode.FAILURE,
          "Helm's native library is bundled for linux-amd64 only, this is "
              + os
              + "/"
              + arch
              + ": hoist chart lint and template (and release's chart render check) need it;"
              + " package, push and pull work everywhere");
    }
  }

  static Lint lint(Path chartDir, boolean strict) {
    requireSupported();
    var command = new Helm(chartDir).lint();
    if (strict) {
      command.strict();
    }
    LintResult result = call(chartDir.toString(), command::call);
    return new Lint(List.copyOf(result.getMessages()), result.isFailed());
  }

  /**
   * {@code helm template}: the rendered YAML stream; for a chart directory hooks are included (see
   * {@link HookStaging}).
   */
  static String template(Render r) {
    requireSupported();
    if (r.chart().startsWith("oci://")) {
      return render(Helm.template(r.chart()), r);
    }
    Path staged;
    try {
      staged = HookStaging.stage(Path.of(r.chart()));
    } catch (java.io.IOException e) {
      throw new HoistException(
          ExitCode.FAILURE, r.chart() + ": cannot stage the chart: " + e.getMessage(), e);
    }
    try {
      return HookStaging.restore(render(new Helm(staged).template(), r));
    } finally {
      try {
        HookStaging.remove(staged);
      } catch (java.io.IOException e) {
        // a temporary directory left behind is not worth failing the render for
      }
    }
  }

  private static String render(TemplateCommand t, Render r) {
    t.withName(r.release());
    if (r.version() != null) {
      t.withVersion(r.version());
    }
    if (r.namespace() != null) {
      t.withNamespace(r.namespace());
    }
    if (r.kubeVersion() != null) {
      t.withKubeVersion(r.kubeVersion());
    }
    r.valuesFiles().forEach(t::withValuesFile);
    r.set().forEach(t::set);
    if (r.plainHttp()) {
      t.plainHttp();
    }
    String rendered = call(r.chart(), t::call);
    return rendered == null ? "" : rendered; // a chart without templates renders nothing
  }

  private static <T> T call(String chart, java.util.concurrent.Callable<T> helm) {
    try {
      return helm.call();
    } catch (IllegalStateException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      throw new HoistException(
          ExitCode.CONFIG, chart + ": helm: " + message.strip().lines().findFirst().orElse(""));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new HoistException(ExitCode.FAILURE, chart + ": helm: " + e.getMessage(), e);
    }
  }
}
