package dev.hoist.preview;

import dev.hoist.run.ExitCode;
import dev.hoist.run.HoistException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The Kubernetes API as a preview uses it, through fabric8's client (loaded only by {@code hoist
 * preview}): server-side apply (field manager {@code hoist}) of any object, reads and deletes by
 * apiVersion and kind, annotations, events, and waiting on an object's state through a watch.
 */
final class Kube implements AutoCloseable {
  static final String FIELD_MANAGER = "hoist";

  private final KubernetesClient client;
  private final String context;

  Kube(KubernetesClient client, String context) {
    this.client = client;
    this.context = context;
  }

  /** A client for {@code context} of the kubeconfig ({@code KUBECONFIG}, else ~/.kube/config). */
  static Kube connect(String context) {
    try {
      return new Kube(
          new KubernetesClientBuilder().withConfig(Config.autoConfigure(context)).build(), context);
    } catch (KubernetesClientException e) {
      throw new HoistException(
          ExitCode.FAILURE, "kubeconfig context " + context + ": " + e.getMessage());
    }
  }

  String context() {
    return context;
  }

  /** Server-side applies every object of {@code yaml}, in order, taking over conflicting fields. */
  List<HasMetadata> apply(String yaml) {
    List<HasMetadata> items =
        call(
            "read objects to apply",
            () ->
                client
                    .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
                    .items());
    return items.stream()
        .map(
            item ->
                call(
                    "apply " + describe(item),
                    () ->
                        client
                            .resource(item)
                            .fieldManager(FIELD_MANAGER)
                            .forceConflicts()
                            .serverSideApply()))
        .toList();
  }

  private Resource<GenericKubernetesResource> resource(
      String apiVersion, String kind, String namespace, String name) {
    var kinds = client.genericKubernetesResources(apiVersion, kind);
    return namespace == null ? kinds.withName(name) : kinds.inNamespace(namespace).withName(name);
  }

  /** The object, or empty when it (or its kind) does not exist. */
  Optional<GenericKubernetesResource> get(
      String apiVersion, String kind, String namespace, String name) {
    try {
      return Optional.ofNullable(resource(apiVersion, kind, namespace, name).get());
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return Optional.empty();
      }
      throw failure("get " + kind + " " + where(namespace, name), e);
    }
  }

  /** One value of a ConfigMap's data, or empty. */
  Optional<String> configMapValue(String namespace, String name, String key) {
    return get("v1", "ConfigMap", namespace, name)
        .map(cm -> cm.getAdditionalProperties().get("data"))
        .filter(Map.class::isInstance)
        .map(data -> ((Map<?, ?>) data).get(key))
        .map(Object::toString);
  }

  /** Deletes the object; one that is already gone is fine. */
  void delete(Inventory.Entry e) {
    call(
        "delete " + e.kind() + " " + where(e.namespace(), e.name()),
        () -> resource(e.apiVersion(), e.kind(), e.namespace(), e.name()).delete());
  }

  /**
   * Sets one annotation with a JSON merge patch, as {@code kubectl annotate --overwrite} does (a
   * strategic merge patch, fabric8's default, is refused for custom resources).
   */
  void annotate(
      String apiVersion, String kind, String namespace, String name, String key, String value) {
    String patch =
        "{\"metadata\":{\"annotations\":{\"" + key + "\":\"" + value.replace("\"", "") + "\"}}}";
    call(
        "annotate " + kind + " " + where(namespace, name),
        () ->
            resource(apiVersion, kind, namespace, name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), patch));
  }

  /** The message of the newest event about {@code name}, if any. */
  Optional<String> lastEvent(String namespace, String name) {
    var events =
        namespace == null
            ? client.v1().events().inAnyNamespace()
            : client.v1().events().inNamespace(namespace);
    return call("list events", () -> events.withField("involvedObject.name", name).list())
        .getItems()
        .stream()
        .max(
            Comparator.comparing(
                ev ->
                    ev.getLastTimestamp() != null
                        ? ev.getLastTimestamp()
                        : String.valueOf(ev.getEventTime())))
        .map(ev -> ev.getMessage());
  }

  /**
   * Waits, watching the object, until {@code done} holds for it; false when {@code wait} passed.
   */
  boolean waitFor(
      String apiVersion,
      String kind,
      String namespace,
      String name,
      Predicate<GenericKubernetesResource> done,
      Duration wait) {
    try {
      resource(apiVersion, kind, namespace, name)
          .waitUntilCondition(
              r -> r != null && done.test(r), wait.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (KubernetesClientTimeoutException e) {
      return false;
    } catch (KubernetesClientException e) {
      throw failure("watch " + kind + " " + where(namespace, name), e);
    }
  }

  private <T> T call(String what, java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (KubernetesClientException e) {
      throw failure(what, e);
    }
  }

  private HoistException failure(String what, KubernetesClientException e) {
    // a java.net failure in the causes says best why the server was not reached
    // (ConnectException, UnknownHostException, HttpConnectTimeoutException, …)
    Throwable root = e;
    for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getClass().getPackageName().startsWith("java.net")) {
        root = t;
        break;
      }
    }
    // the API server's own message when it answered, else why it could not be reached
    String reason =
        e.getStatus() != null && e.getStatus().getMessage() != null
            ? e.getStatus().getMessage()
            : root != e
                ? root.getClass().getSimpleName()
                    + (root.getMessage() == null ? "" : ": " + root.getMessage())
                : String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    return new HoistException(ExitCode.FAILURE, context + ": " + what + " failed: " + reason);
  }

  static String where(String namespace, String name) {
    return (namespace == null ? "" : namespace + "/") + name;
  }

  private static String describe(HasMetadata item) {
    return item.getKind()
        + " "
        + where(item.getMetadata().getNamespace(), item.getMetadata().getName());
  }

  @Override
  public void close() {
    client.close();
  }
}
