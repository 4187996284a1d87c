package dev.hoist.release;

import dev.hoist.oci.Descriptor;
import dev.hoist.oci.Digest;
import dev.hoist.oci.Repository;
import dev.hoist.testing.InMemoryRepository;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A registry in memory for {@link Release}, each repository wrapped in a recording decorator (ko's
 * fakes and decorators are the model): every write goes into {@link #log}, in order, between the
 * lines anyone else adds (a release's progress); a repository named in {@link #failManifests}
 * refuses manifests.
 */
final class RecordingRegistry implements Registries {
  final Map<String, InMemoryRepository> repositories = new LinkedHashMap<>();
  final List<String> log;
  final List<String> failManifests = new ArrayList<>();
  final List<Access> opened = new ArrayList<>();

  RecordingRegistry(List<String> log) {
    this.log = log;
  }

  @Override
  public Client open(Access access) {
    opened.add(access);
    return name -> new Recorded(repository(name));
  }

  /** The repository {@code host/path}, made empty when first named. */
  InMemoryRepository repository(String name) {
    return repositories.computeIfAbsent(name, InMemoryRepository::new);
  }

  /** The writes logged so far. */
  List<String> writes() {
    return log.stream().filter(l -> l.startsWith("PUT ")).toList();
  }

  /** Records the writes to a repository, and refuses manifests where asked. */
  private final class Recorded implements Repository {
    private final Repository inner;

    Recorded(Repository inner) {
      this.inner = inner;
    }

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public boolean hasBlob(Digest digest) throws IOException {
      return inner.hasBlob(digest);
    }

    @Override
    public void pushBlob(Descriptor blob, Path content) throws IOException {
      log.add("PUT blob " + name());
      inner.pushBlob(blob, content);
    }

    @Override
    public void pushBlob(Descriptor blob, byte[] content) throws IOException {
      log.add("PUT blob " + name());
      inner.pushBlob(blob, content);
    }

    @Override
    public Digest pushManifest(byte[] manifest, String mediaType, List<String> tags)
        throws IOException {
      if (failManifests.contains(name())) {
        throw new IOException("PUT manifest " + name() + ": 500 Internal Server Error");
      }
      log.add("PUT manifest " + name() + " " + tags);
      return inner.pushManifest(manifest, mediaType, tags);
    }

    @Override
    public Optional<Digest> resolve(String tag) throws IOException {
      return inner.resolve(tag);
    }

    @Override
    public Manifest fetchManifest(String reference) throws IOException {
      return inner.fetchManifest(reference);
    }

    @Override
    public InputStream fetchBlob(Descriptor blob) throws IOException {
      return inner.fetchBlob(blob);
    }

    @Override
    public List<String> listTags() throws IOException {
      return inner.listTags();
    }
  }
}
