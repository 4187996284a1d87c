package dev.hoist.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hoist.oci.Digest;
import dev.hoist.oci.Repository;
import dev.hoist.testing.InMemoryRepository;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The tag lookup that push starts before packing. */
class TagLookaheadTest {
  private final List<String> lookups = new CopyOnWriteArrayList<>();

  /**
   * {@code target}, recording each resolve as "tag on thread", failing those of {@code failing}.
   */
  private Repository recording(Repository target, IOException failing) {
    return (Repository)
        Proxy.newProxyInstance(
            Repository.class.getClassLoader(),
            new Class<?>[] {Repository.class},
            (proxy, method, args) -> {
              if (method.getName().equals("resolve")) {
                lookups.add(args[0] + " on " + Thread.currentThread().getName());
                if (failing != null) {
                  throw failing;
                }
              }
              try {
                return method.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Test
  void theFirstLookupOfTheTagWasMadeAheadAndLaterOnesGoToTheRepository() throws IOException {
    InMemoryRepository memory = new InMemoryRepository("mem");
    Digest digest = Digest.sha256("m".getBytes(StandardCharsets.UTF_8));
    memory.tags.put("1.0.0", digest);
    Repository repo = TagLookahead.start(recording(memory, null), "1.0.0");
    assertEquals(Optional.of(digest), repo.resolve("1.0.0"));
    assertEquals(Optional.empty(), repo.resolve("latest"));
    assertEquals(Optional.of(digest), repo.resolve("1.0.0"));
    String caller = Thread.currentThread().getName();
    assertEquals(
        List.of("1.0.0 on hoist-tag-lookahead", "latest on " + caller, "1.0.0 on " + caller),
        lookups);
  }

  @Test
  void aFailedLookaheadFailsTheLookupWithItsOwnException() {
    IOException failure = new IOException("registry r: HEAD /v2/a/manifests/1.0.0: 503");
    Repository repo =
        TagLookahead.start(recording(new InMemoryRepository("mem"), failure), "1.0.0");
    assertSame(failure, assertThrows(IOException.class, () -> repo.resolve("1.0.0")));
  }
}
