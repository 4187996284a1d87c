package dev.hoist.maven;

import dev.hoist.api.PushOptions;
import dev.hoist.api.PushResult;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code hoist:push}, as {@code hoist artifact push}: a directory as a Flux OCI artifact. */
@Mojo(name = "push", aggregator = true, threadSafe = true)
public class PushMojo extends HoistMojo {
  /** {@code oci://repository:tag}. */
  @Parameter(property = "hoist.url", required = true)
  String url;

  /** The directory or file to pack, relative to the build's top-level directory. */
  @Parameter(property = "hoist.path", required = true)
  String path;

  /** The source annotation; default the git remote URL. */
  @Parameter(property = "hoist.source")
  String source;

  /** The revision annotation; default {@code <tag or branch>@sha1:<commit>}. */
  @Parameter(property = "hoist.revision")
  String revision;

  /** Extra manifest annotations, each {@code key=value}. */
  @Parameter(property = "hoist.annotations")
  List<String> annotations;

  /** Moves a version tag that names another artifact. */
  @Parameter(property = "hoist.force", defaultValue = "false")
  boolean force;

  /** Allows plain HTTP to the registry. */
  @Parameter(property = "hoist.insecure", defaultValue = "false")
  boolean insecure;

  /** {@code user:password}; default: the credential chain. */
  @Parameter(property = "hoist.credentials")
  String credentials;

  /** Signs the pushed manifest by digest: {@code FILE} or {@code env://VAR}. */
  @Parameter(property = "hoist.signKey")
  String signKey;

  @Override
  void run() throws MojoFailureException {
    PushOptions options =
        PushOptions.of(url, Path.of(path))
            .source(source)
            .revision(revision)
            .force(force)
            .insecure(insecure)
            .credentials(credentials)
            .signKey(signKey);
    if (annotations != null) {
      options = options.annotations(Pairs.of("annotations", annotations));
    }
    PushResult result = hoist().pushArtifact(options);
    getLog().info("hoist: pushed " + url + "@" + result.digest());
  }
}
