package dev.hoist.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferenceTest {
  private static final String HEX = "a".repeat(64);

  @ParameterizedTest
  @CsvSource({
    "ghcr.io/acme/app:1.0, ghcr.io, acme/app, 1.0, ''",
    "oci://ghcr.io/acme/app:v2, ghcr.io, acme/app, v2, ''",
    "127.0.0.1:5000/a/b/c, 127.0.0.1:5000, a/b/c, '', ''",
    "localhost/app:x_y, localhost, app, x_y, ''",
    "nginx, docker.io, library/nginx, '', ''",
    "nginx:1.27, docker.io, library/nginx, 1.27, ''",
    "acme/app, docker.io, acme/app, '', ''",
    "registry.example.com:8443/team/app:latest@sha256:"
        + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, registry.example.com:8443, team/app, "
        + "latest, sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "docker.io/nginx, docker.io, library/nginx, '', ''",
    "ghcr.io/acme/my__app-x.y@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        + ", ghcr.io, acme/my__app-x.y, '', sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  })
  void parses(String value, String registry, String repository, String tag, String digest) {
    Reference r = Reference.parse(value);
    assertEquals(registry, r.registry());
    assertEquals(repository, r.repository());
    assertEquals(tag.isEmpty() ? Optional.empty() : Optional.of(tag), r.tag());
    assertEquals(
        digest.isEmpty() ? Optional.empty() : Optional.of(Digest.parse(digest)), r.digest());
  }

  @Test
  void printsAndPins() {
    Reference r = Reference.parse("oci://ghcr.io/acme/app:1.0");
    assertEquals("ghcr.io/acme/app:1.0", r.toString());
    assertEquals("ghcr.io/acme/app", r.name());
    assertEquals("1.0", r.manifestReference());
    Reference pinned = r.withDigest(new Digest("sha256", HEX));
    assertEquals("ghcr.io/acme/app:1.0@sha256:" + HEX, pinned.toString());
    assertEquals("sha256:" + HEX, pinned.manifestReference());
    assertEquals("ghcr.io/acme/app:2.0", r.withTag("2.0").toString());
    assertEquals("latest", Reference.parse("ghcr.io/acme/app").manifestReference());
    assertEquals(Reference.parse("ghcr.io/acme/app:1.0"), r);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ghcr.io/Acme/app| invalid reference 'ghcr.io/Acme/app': bad repository 'Acme/app'"
            + " (lowercase letters, digits, separators . _ __ -)",
        "ghcr.io/acme/app:-bad| invalid reference 'ghcr.io/acme/app:-bad': bad tag '-bad'",
        "ghcr.io/acme/app@sha256:abc| invalid reference 'ghcr.io/acme/app@sha256:abc': bad digest 'sha256:abc'",
        "ghcr.io/acme//app| invalid reference 'ghcr.io/acme//app': bad repository 'acme//app'"
            + " (lowercase letters, digits, separators . _ __ -)",
        "bad_host.io:x/app| invalid reference 'bad_host.io:x/app': bad registry 'bad_host.io:x'",
        "ghcr.io/acme/app:| invalid reference 'ghcr.io/acme/app:': bad tag ''",
      })
  void rejectsWithOneLine(String value, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Reference.parse(value));
    assertEquals(message, e.getMessage());
  }

  @Test
  void rejectsLongTag() {
    String tag = "t".repeat(129);
    assertThrows(IllegalArgumentException.class, () -> Reference.parse("ghcr.io/a:" + tag));
    assertEquals(
        Optional.of("t".repeat(128)), Reference.parse("ghcr.io/a:" + "t".repeat(128)).tag());
  }
}
