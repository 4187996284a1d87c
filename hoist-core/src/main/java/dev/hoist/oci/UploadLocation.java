package dev.hoist.oci;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a blob upload may continue. A registry answers an upload's start with a {@code Location};
 * hoist follows it to the registry's own origin, and to another host only over HTTPS and never to
 * an IP literal that is loopback, private, link-local or unspecified (a hostile or confused
 * registry could otherwise make hoist send image content to a machine of the local network) —
 * unless {@code HOIST_ALLOW_PRIVATE_UPLOAD_LOCATIONS=true} opts in (a registry whose storage
 * answers on a private address). An upload that ends at another host is confirmed with a HEAD on
 * the registry before it counts.
 */
final class UploadLocation {
  static final String OPT_IN = "HOIST_ALLOW_PRIVATE_UPLOAD_LOCATIONS";
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private UploadLocation() {}

  /** The location resolved against the answer's URI, or a refusal naming it. */
  static URI checked(
      RegistryRepository repo, URI base, URI answered, String location, boolean optIn)
      throws RegistryException {
    URI target;
    try {
      target = answered.resolve(location.trim());
    } catch (IllegalArgumentException e) {
      throw refused(repo, "is not a URI: " + ErrorBody.oneLine(location), null);
    }
    if (Transport.sameOrigin(base, target)) {
      return target;
    }
    String scheme = String.valueOf(target.getScheme()).toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(optIn && scheme.equals("http"))) {
      throw refused(repo, "points to another host over " + scheme, target);
    }
    if (!optIn && privateLiteral(target.getHost())) {
      throw refused(repo, "points to a loopback, private or link-local address", target);
    }
    return target;
  }

  static boolean optedIn() {
    return "true".equalsIgnoreCase(System.getenv(OPT_IN));
  }

  static boolean foreign(URI base, URI target) {
    return !Transport.sameOrigin(base, target);
  }

  private static boolean privateLiteral(String host) {
    if (host == null) {
      return true;
    }
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (!IPV4.matcher(h).matches() && !h.contains(":")) {
      return h.equalsIgnoreCase("localhost");
    }
    try {
      InetAddress a = InetAddress.getByName(h); // a literal: no lookup
      return a.isLoopbackAddress()
          || a.isSiteLocalAddress()
          || a.isLinkLocalAddress()
          || a.isAnyLocalAddress()
          || (a.getAddress().length == 16 && (a.getAddress()[0] & 0xfe) == 0xfc); // fc00::/7
    } catch (UnknownHostException e) {
      return true;
    }
  }

  private static RegistryException refused(RegistryRepository repo, String why, URI target) {
    return new RegistryException(
        "registry "
            + repo.registry()
            + ": the upload location "
            + (target == null
                ? ""
                : target.getScheme()
                    + "://"
                    + target.getHost()
                    + (target.getPort() < 0 ? "" : ":" + target.getPort())
                    + " ")
            + why
            + "; refused (set "
            + OPT_IN
            + "=true to allow a private upload host)",
        0,
        "");
  }
}
