package dev.hoist.preview;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.HashMap;

/**
 * fabric8's mock API server (an HTTP server on loopback keeping what it is sent, learning the kinds
 * of the CRDs created through it), made to create an object on a server-side apply as the real API
 * server does: the mock answers a server-side apply of a missing object with 404.
 */
final class ApiServer implements AutoCloseable {
  private final KubernetesMockServer server;
  final KubernetesClient client;

  /** The mock server logs every request at INFO (java.util.logging); keep the test output quiet. */
  private static final java.util.logging.Logger QUIET = quiet();

  private static java.util.logging.Logger quiet() {
    java.util.logging.Logger logger =
        java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");
    logger.setLevel(java.util.logging.Level.WARNING);
    return logger;
  }

  ApiServer() {
    QUIET.fine("starting a mock API server");
    server =
        new KubernetesMockServer(
            new Context(), new MockWebServer(), new HashMap<>(), new Dispatcher(), false);
    server.init();
    client = server.createClient();
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }

  private static final class Dispatcher extends KubernetesCrudDispatcher {
    @Override
    public MockResponse handlePatch(RecordedRequest request) {
      String type = String.valueOf(request.getHeader("Content-Type"));
      String path = request.getPath();
      String object = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
      if (type.contains("apply-patch") && handleGet(object).code() == 404) {
        String collection = object.substring(0, object.lastIndexOf('/'));
        return handleCreate(
            new RecordedRequest(
                "HTTP/1.1", HttpMethod.POST, collection, request.getHeaders(), request.getBody()));
      }
      if (type.contains("apply-patch")) { // an approximation: fields applied are merged in
        return super.handlePatch(
            new RecordedRequest(
                "HTTP/1.1",
                HttpMethod.PATCH,
                object,
                request
                    .getHeaders()
                    .newBuilder()
                    .set("Content-Type", "application/merge-patch+json")
                    .build(),
                request.getBody()));
      }
      return super.handlePatch(request);
    }
  }
}
