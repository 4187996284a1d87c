package dev.hoist.artifact;

import dev.hoist.git.SemverRange;
import dev.hoist.oci.Credentials;
import dev.hoist.oci.Reference;
import dev.hoist.oci.RegistryClient;
import dev.hoist.oci.Repository;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.zip.GZIPInputStream;

/**
 * The engine of {@code hoist artifact build|push|pull|tag|list|diff}: one method per command. Each
 * takes what the command line gave and returns what the command prints; progress and warnings go to
 * the {@code progress} consumer.
 */
public final class Artifacts {
  private final Function<Reference, Repository> repositories;
  private final Consumer<String> progress;
  private final Clock clock;
  private final ArtifactExtractor.Limits limits;

  /**
   * With repositories opened by {@code repositories} (tests pass a client of their own, or
   * layouts).
   */
  public Artifacts(
      Function<Reference, Repository> repositories,
      Consumer<String> progress,
      Clock clock,
      ArtifactExtractor.Limits limits) {
    this.repositories = repositories;
    this.progress = progress;
    this.clock = clock;
    this.limits = limits;
  }

  /**
   * For the command line: credentials from {@code creds} ({@code user:password}, may be null), the
   * Docker config and {@code GITHUB_TOKEN} in {@code env}; plain HTTP only when {@code insecure}.
   */
  public static Artifacts forRegistries(
      String creds, boolean insecure, Map<String, String> env, Consumer<String> progress) {
    return new Artifacts(
        registries(creds, insecure, env, progress),
        progress,
        Clock.systemUTC(),
        ArtifactExtractor.Limits.DEFAULT);
  }

  /** The repository of {@code ref}, opened as this engine opens every one (credentials, HTTP). */
  public Repository repository(Reference ref) {
    return repositories.apply(ref);
  }

  /**
   * Opens repositories through hoist's registry client, one client per registry: credentials from
   * {@code creds} ({@code user:password}, may be null), the Docker config and {@code GITHUB_TOKEN}
   * in {@code env}; plain HTTP only when {@code insecure}. Shared by every command that pushes or
   * pulls (artifacts, charts).
   */
  public static Function<Reference, Repository> registries(
      String creds, boolean insecure, Map<String, String> env, Consumer<String> progress) {
    return registries(creds, insecure, insecure, env, progress);
  }

  /**
   * As {@link #registries(String, boolean, Map, Consumer)}, with plain HTTP for every registry
   * ({@code insecure}) or for loopback registries only ({@code insecureLoopback}: a local registry
   * next to public ones, as {@code hoist preview} has).
   */
  public static Function<Reference, Repository> registries(
      String creds,
      boolean insecure,
      boolean insecureLoopback,
      Map<String, String> env,
      Consumer<String> progress) {
    Credentials credentials = Credentials.defaults(creds, env);
    Map<String, RegistryClient> clients = new java.util.concurrent.ConcurrentHashMap<>();
    return ref ->
        clients
            .computeIfAbsent(
                ref.registry(),
                registry -> {
                  RegistryClient.Builder b =
                      RegistryClient.builder()
                          .credentials(credentials)
                          .insecure(insecure || insecureLoopback)
                          .log(progress);
                  if (insecure) {
                    b.insecureRegistry(registry);
                  }
                  return b.build();
                })
            .repository(ref);
  }

  /** For {@code build} only: no registry. */
  public static Artifacts local(Consumer<String> progress) {
    return new Artifacts(
        ref -> {
          throw new IllegalStateException("no registry access configured for " + ref);
        },
        progress,
        Clock.systemUTC(),
        ArtifactExtractor.Limits.DEFAULT);
  }

  /** {@code build}: packs {@code path} into {@code output} (.tgz). */
  public PackedArtifact build(Path path, ArtifactOptions options, Path output) throws IOException {
    PackedArtifact packed = new ArtifactPacker().pack(path, options, output);
    packed.warnings().forEach(w -> progress.accept("warning: " + w));
    return packed;
  }

  /**
   * {@code push}: packs (meanwhile the tag is looked up, see {@link TagLookahead}), checks the tag
   * rules, pushes what the registry lacks.
   */
  public PushResult push(PushRequest request) throws IOException {
    Reference ref = ArtifactUrl.parse(request.url(), true);
    ArtifactMetadata meta = PushOrigin.metadata(request, clock);
    Repository repo = TagLookahead.start(repositories.apply(ref), ref.tag().orElseThrow());
    Path work = Files.createTempDirectory("hoist-artifact-");
    try {
      PackedArtifact packed =
          build(request.path(), request.options(), work.resolve("artifact.tgz"));
      List<String> tags = new ArrayList<>();
      tags.add(ref.tag().orElseThrow());
      tags.addAll(request.extraTags());
      Publication pub = new ArtifactPublisher().publish(repo, packed, meta, tags, request.force());
      pub.notes().forEach(progress);
      progress.accept(
          pub.unchanged()
              ? "unchanged: " + ref + "@" + pub.digest()
              : "pushed "
                  + ref.name()
                  + "@"
                  + pub.digest()
                  + " ("
                  + String.join(", ", pub.tags())
                  + ")");
      return new PushResult(
          request.url(),
          ref.name(),
          ref.tag().orElseThrow(),
          pub.digest().toString(),
          pub,
          packed.warnings());
    } finally {
      Files.deleteIfExists(work.resolve("artifact.tgz"));
      Files.deleteIfExists(work);
    }
  }

  /**
   * {@code pull}: verifies manifest and layer, then extracts safely into {@code output} (new or
   * empty).
   */
  public PullResult pull(String url, Path output) throws IOException {
    Reference ref = ArtifactUrl.parse(url, false);
    RemoteArtifact remote = RemoteArtifact.fetch(repositories.apply(ref), ref.manifestReference());
    Path target = output.toAbsolutePath().normalize();
    Path layer = remote.download(target.getParent(), limits.maxBytes());
    try (InputStream in = Files.newInputStream(layer)) {
      new ArtifactExtractor().extract(in, target, limits);
    } finally {
      Files.deleteIfExists(layer);
    }
    progress.accept("pulled " + ref.name() + "@" + remote.manifest().digest() + " into " + target);
    return new PullResult(
        ref.name(), remote.manifest().digest().toString(), target, remote.annotations());
  }

  /** {@code tag}: puts the same manifest bytes under more tags (no blob is read or sent). */
  public Publication tag(String url, List<String> newTags, boolean force) throws IOException {
    for (String tag : newTags) {
      if (!Reference.validTag(tag)) {
        throw new ArtifactUsageException(
            "--tag '" + tag + "' is not a tag (letters, digits, '_', '.', '-'; at most 128)");
      }
    }
    Reference ref = ArtifactUrl.parse(url, false);
    Repository repo = repositories.apply(ref);
    var manifest = repo.fetchManifest(ref.manifestReference());
    TagPolicy.Plan plan = TagPolicy.plan(repo, manifest.digest(), newTags, force);
    plan.notes().forEach(progress);
    if (!plan.put().isEmpty()) {
      repo.pushManifest(manifest.content(), manifest.mediaType(), plan.put());
    }
    List<String> named =
        newTags.stream()
            .filter(t -> plan.keep().contains(t) || plan.put().contains(t))
            .distinct()
            .toList();
    progress.accept(
        "tagged " + ref.name() + "@" + manifest.digest() + " as " + String.join(", ", named));
    return new Publication(manifest.digest(), named, plan.put(), plan.notes());
  }

  /**
   * {@code list}: the repository's artifacts, without cosign tags, filtered by semver range and
   * regex.
   */
  public List<ListedArtifact> list(String url, String semverRange, String regex)
      throws IOException {
    Reference ref = ArtifactUrl.parse(url, false);
    SemverRange range;
    try {
      range = semverRange == null ? null : SemverRange.parse(semverRange);
    } catch (IllegalArgumentException e) {
      throw new ArtifactUsageException(e.getMessage()); // --filter-semver: a usage error
    }
    Pattern pattern;
    try {
      pattern = regex == null ? null : Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new ArtifactUsageException(
          "--filter-regex: invalid regular expression '" + regex + "'");
    }
    Repository repo = repositories.apply(ref);
    List<ListedArtifact> listed = new ArrayList<>();
    for (String tag : repo.listTags()) {
      if (tag.endsWith(".sig")
          || tag.endsWith(".att")
          || tag.endsWith(".sbom")
          || (pattern != null && !pattern.matcher(tag).find())
          || (range != null && !range.matchesTag(tag))) {
        continue;
      }
      Repository.Manifest manifest = repo.fetchManifest(tag); // any manifest kind is listed
      Map<String, String> a = RemoteArtifact.annotations(manifest);
      listed.add(
          new ListedArtifact(
              "oci://" + ref.name() + ":" + tag,
              ref.name(),
              tag,
              manifest.digest().toString(),
              a.getOrDefault(ArtifactMetadata.SOURCE, ""),
              a.getOrDefault(ArtifactMetadata.REVISION, ""),
              a.getOrDefault(ArtifactMetadata.CREATED, "")));
    }
    return listed;
  }

  /**
   * {@code diff}: the local tree (packed with {@code options}) against the artifact, by tar
   * content.
   */
  public TreeDiff diff(String url, Path path, ArtifactOptions given) throws IOException {
    ArtifactOptions options = given == null ? ArtifactOptions.defaults() : given;
    Reference ref = ArtifactUrl.parse(url, false);
    RemoteArtifact remote = RemoteArtifact.fetch(repositories.apply(ref), ref.manifestReference());
    Path work = Files.createTempDirectory("hoist-diff-");
    Path layer = remote.download(work, limits.maxBytes());
    Path localTar = work.resolve("local.tar");
    try {
      Map<String, TarIndex.Item> remoteItems;
      try (InputStream in = new GZIPInputStream(Files.newInputStream(layer), 64 * 1024)) {
        remoteItems = TarIndex.read(in, limits);
      }
      try (OutputStream out = Files.newOutputStream(localTar)) {
        new ArtifactPacker()
            .writeTar(path, options, out)
            .forEach(w -> progress.accept("warning: " + w));
      }
      Map<String, TarIndex.Item> localItems;
      try (InputStream in = Files.newInputStream(localTar)) {
        localItems = TarIndex.read(in, limits);
      }
      return TreeDiff.between(localItems, remoteItems);
    } finally {
      Files.deleteIfExists(layer);
      Files.deleteIfExists(localTar);
      Files.deleteIfExists(work);
    }
  }
}
