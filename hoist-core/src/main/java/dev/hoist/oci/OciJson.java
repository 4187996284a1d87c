package dev.hoist.oci;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one Jackson mapper of the registry client, made when first used: building it loads a few
 * hundred classes (~0.2 s of a CLI run), and a push to a registry without auth or errors reads no
 * JSON at all.
 */
final class OciJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private OciJson() {}
}
