package dev.hoist.artifact;

import dev.hoist.oci.Descriptor;
import dev.hoist.oci.Digest;
import dev.hoist.oci.Repository;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A repository whose first lookup of one tag starts before it is needed: {@code push} asks the
 * registry where its tag points while it packs the tree, so that answer (in a fresh process also
 * the start of the HTTP client) overlaps the packing. The tag rules then use that answer; every
 * other call, and every later lookup (the check after the manifest PUT among them), goes to the
 * repository as it is.
 */
final class TagLookahead implements Repository {
  private final Repository repo;
  private final String tag;
  private final FutureTask<Optional<Digest>> ahead;
  private boolean used;

  private TagLookahead(Repository repo, String tag) {
    this.repo = repo;
    this.tag = tag;
    this.ahead = new FutureTask<>(() -> repo.resolve(tag));
  }

  /** Starts looking up {@code tag} on a thread of its own. */
  static TagLookahead start(Repository repo, String tag) {
    TagLookahead lookahead = new TagLookahead(repo, tag);
    Thread thread = new Thread(lookahead.ahead, "hoist-tag-lookahead");
    thread.setDaemon(true);
    thread.start();
    return lookahead;
  }

  @Override
  public Optional<Digest> resolve(String wanted) throws IOException {
    synchronized (this) {
      if (used || !wanted.equals(tag)) {
        return repo.resolve(wanted);
      }
      used = true;
    }
    try {
      return ahead.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while looking up " + repo.name() + ":" + tag);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(e.getCause());
    }
  }

  @Override
  public String name() {
    return repo.name();
  }

  @Override
  public boolean hasBlob(Digest digest) throws IOException {
    return repo.hasBlob(digest);
  }

  @Override
  public void pushBlob(Descriptor blob, Path content) throws IOException {
    repo.pushBlob(blob, content);
  }

  @Override
  public void pushBlob(Descriptor blob, byte[] content) throws IOException {
    repo.pushBlob(blob, content);
  }

  @Override
  public void pushBlobs(List<Blob> blobs) throws IOException {
    repo.pushBlobs(blobs);
  }

  @Override
  public Digest pushManifest(byte[] manifest, String mediaType, List<String> tags)
      throws IOException {
    return repo.pushManifest(manifest, mediaType, tags);
  }

  @Override
  public Manifest fetchManifest(String reference) throws IOException {
    return repo.fetchManifest(reference);
  }

  @Override
  public InputStream fetchBlob(Descriptor blob) throws IOException {
    return repo.fetchBlob(blob);
  }

  @Override
  public List<String> listTags() throws IOException {
    return repo.listTags();
  }
}
