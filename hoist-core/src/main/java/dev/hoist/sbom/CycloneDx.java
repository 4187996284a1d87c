package dev.hoist.sbom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hoist.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A CycloneDX 1.6 JSON SBOM of an image: the image as the metadata component (purl {@code
 * pkg:oci/<name>@sha256:…?repository_url=…}), the packages of its layers as components, and the
 * base image by digest when it is pinned. Reproducible: the serial number derives from the image
 * digest and there is no timestamp.
 */
final class CycloneDx {
  static final String MEDIA_TYPE = "application/vnd.cyclonedx+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private CycloneDx() {}

  static byte[] json(String repository, Digest digest, String base, List<Component> components) {
    ObjectNode bom = JSON.createObjectNode();
    bom.put("bomFormat", "CycloneDX");
    bom.put("specVersion", "1.6");
    bom.put(
        "serialNumber",
        "urn:uuid:" + UUID.nameUUIDFromBytes(digest.toString().getBytes(StandardCharsets.UTF_8)));
    bom.put("version", 1);
    ObjectNode metadata = bom.putObject("metadata");
    metadata.putArray("tools").addObject().put("name", "hoist");
    ObjectNode image = metadata.putObject("component");
    String name = repository.substring(repository.lastIndexOf('/') + 1);
    image.put("type", "container");
    image.put("bom-ref", repository + "@" + digest);
    image.put("name", name);
    image.put("version", digest.toString());
    image.put(
        "purl",
        "pkg:oci/"
            + name
            + "@"
            + digest.toString().replace(":", "%3A")
            + "?repository_url="
            + repository);
    ArrayNode list = bom.putArray("components");
    if (base != null && base.contains("@sha256:")) {
      ObjectNode b = list.addObject();
      String baseRepo = base.substring(0, base.indexOf('@'));
      String baseDigest = base.substring(base.indexOf('@') + 1);
      b.put("type", "container");
      b.put("bom-ref", base);
      b.put("name", baseRepo.substring(baseRepo.lastIndexOf('/') + 1));
      b.put("version", baseDigest);
      b.put(
          "purl",
          "pkg:oci/"
              + baseRepo.substring(baseRepo.lastIndexOf('/') + 1)
              + "@"
              + baseDigest.replace(":", "%3A")
              + "?repository_url="
              + baseRepo);
      b.put("description", "base image");
    }
    for (Component c : components) {
      ObjectNode n = list.addObject();
      n.put("type", c.type());
      n.put("bom-ref", c.purl() + "#" + c.path());
      if (c.group() != null) {
        n.put("group", c.group());
      }
      n.put("name", c.name());
      if (c.version() != null) {
        n.put("version", c.version());
      }
      n.put("purl", c.purl());
      if (c.sha256() != null) {
        n.putArray("hashes").addObject().put("alg", "SHA-256").put("content", c.sha256());
      }
      n.putArray("properties").addObject().put("name", "hoist:path").put("value", c.path());
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(bom);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
