package dev.hoist.chart;

import dev.hoist.artifact.TagConflictException;
import dev.hoist.artifact.TagPolicy;
import dev.hoist.oci.Digest;
import dev.hoist.oci.MediaTypes;
import dev.hoist.oci.Repository;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pushes a packed chart as {@code helm push} does, under hoist's tag rules: the tag is the chart
 * version ({@code +} written {@code _}) and immutable: another digest there is refused naming both
 * (before any upload), the same content (equal but for {@code created}) is a no-op, {@code force}
 * moves it and says so. Blobs go before the manifest.
 */
public final class ChartPublisher {

  /** Publishes {@code packed} to {@code repo} (the chart's repository, {@code url}). */
  public ChartPush publish(
      Repository repo, String url, PackedChart packed, String created, boolean force)
      throws IOException {
    byte[] manifest = ChartManifest.json(packed, created);
    Digest expected = Digest.sha256(manifest);
    String tag = ChartFile.tag(packed.version());
    List<String> notes = new ArrayList<>();
    TagPolicy.Plan plan;
    try {
      plan = TagPolicy.plan(repo, expected, List.of(tag), force);
    } catch (TagConflictException conflict) {
      Optional<Repository.Manifest> same = sameContent(repo, tag, manifest);
      if (same.isEmpty()) {
        throw new TagConflictException(
            "chart "
                + packed.name()
                + " "
                + packed.version()
                + ": "
                + conflict.getMessage()
                + " (a chart version is immutable: raise version in Chart.yaml)");
      }
      notes.add(
          "the same chart is at "
              + repo.name()
              + ":"
              + tag
              + " as "
              + same.get().digest()
              + " (only "
              + ChartManifest.CREATED
              + " differs): kept");
      return new ChartPush(
          packed.name(), packed.version(), url, tag, same.get().digest().toString(), false, notes);
    }
    notes.addAll(plan.notes());
    if (plan.put().isEmpty()) {
      return new ChartPush(
          packed.name(), packed.version(), url, tag, expected.toString(), false, notes);
    }
    repo.pushBlobs(
        List.of(
            Repository.Blob.of(packed.configDescriptor(), packed.config()),
            Repository.Blob.of(packed.layer(), packed.file())));
    Digest pushed = repo.pushManifest(manifest, MediaTypes.OCI_MANIFEST, plan.put());
    if (!pushed.equals(expected)) {
      throw new IOException(
          repo.name()
              + " stored the chart manifest as "
              + pushed
              + " but its digest is "
              + expected);
    }
    return new ChartPush(packed.name(), packed.version(), url, tag, pushed.toString(), true, notes);
  }

  private static Optional<Repository.Manifest> sameContent(
      Repository repo, String tag, byte[] manifest) throws IOException {
    Optional<Digest> current = repo.resolve(tag);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    Repository.Manifest theirs = repo.fetchManifest(current.get().toString());
    return ChartManifest.withoutCreated(theirs.content())
            .equals(ChartManifest.withoutCreated(manifest))
        ? Optional.of(theirs)
        : Optional.empty();
  }
}
