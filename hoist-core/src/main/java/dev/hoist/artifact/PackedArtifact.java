package dev.hoist.artifact;

import dev.hoist.oci.Descriptor;
import java.nio.file.Path;
import java.util.List;

/**
 * A packed artifact: the .tar.gz file, its layer descriptor (Flux content media type, digest and
 * size of the compressed bytes) and the warnings raised while packing (for example excluded .env
 * files).
 */
public record PackedArtifact(Path file, Descriptor layer, List<String> warnings) {
  public PackedArtifact {
    warnings = List.copyOf(warnings);
  }
}
