package dev.hoist.config;

import static dev.hoist.config.Shape.BOOL;
import static dev.hoist.config.Shape.DUR;
import static dev.hoist.config.Shape.INT;
import static dev.hoist.config.Shape.NAME_REF;
import static dev.hoist.config.Shape.RAW;
import static dev.hoist.config.Shape.STR;
import static dev.hoist.config.Shape.STRINGS;
import static dev.hoist.config.Shape.listOf;
import static dev.hoist.config.Shape.obj;
import static dev.hoist.config.Shape.oneOf;

/**
 * The Flux-shaped keys hoist.yaml accepts, in Flux's own field names (see README, "Flux objects").
 */
final class FluxShapes {
  private FluxShapes() {}

  /**
   * Options of an OCIRepository: the project's artifact (clusters[].source) or an OCI Helm chart.
   */
  static final Shape OCI_SOURCE =
      Shape.of(
          "provider", oneOf("generic", "aws", "azure", "gcp"),
          "secretRef", NAME_REF,
          "serviceAccountName", STR,
          "certSecretRef", NAME_REF,
          "insecure", BOOL,
          "ignore", STR,
          "layerSelector", obj("mediaType", STR, "operation", oneOf("extract", "copy")),
          "verify",
              obj(
                  "provider", oneOf("cosign", "notation"),
                  "secretRef", NAME_REF,
                  "matchOIDCIdentity", listOf("issuer!", STR, "subject!", STR)));

  /** Options of the app's Kustomization (clusters[].kustomization). */
  static final Shape KUSTOMIZATION =
      Shape.of(
          "prune", BOOL,
          "wait", BOOL,
          "force", BOOL,
          "healthChecks", listOf("apiVersion", STR, "kind!", STR, "name!", STR, "namespace", STR),
          "timeout", DUR,
          "retryInterval", DUR,
          "targetNamespace", STR,
          "serviceAccountName", STR,
          "postBuild",
              obj(
                  "substitute",
                  RAW,
                  "substituteFrom",
                  listOf("kind!", oneOf("ConfigMap", "Secret"), "name!", STR, "optional", BOOL)),
          "decryption", obj("provider", oneOf("sops"), "secretRef", NAME_REF),
          "patches", listOf("patch!", STR, "target", RAW),
          "components", STRINGS);

  private static final Shape REMEDIATION =
      Shape.of(
          "retries",
          INT,
          "ignoreTestFailures",
          BOOL,
          "remediateLastFailure",
          BOOL,
          "strategy",
          oneOf("rollback", "uninstall"));

  /** The HelmRelease options of a Helm unit. */
  static final Shape HELM_RELEASE =
      Shape.of(
          "releaseName", STR,
          "targetNamespace", STR,
          "storageNamespace", STR,
          "serviceAccountName", STR,
          "timeout", DUR,
          "values", RAW,
          "valuesFrom",
              listOf(
                  "kind!",
                  oneOf("ConfigMap", "Secret"),
                  "name!",
                  STR,
                  "valuesKey",
                  STR,
                  "targetPath",
                  STR,
                  "optional",
                  BOOL),
          "install",
              obj(
                  "createNamespace",
                  BOOL,
                  "crds",
                  oneOf("Skip", "Create", "CreateReplace"),
                  "disableWait",
                  BOOL,
                  "remediation",
                  new Shape.Obj(REMEDIATION)),
          "upgrade",
              obj(
                  "crds",
                  oneOf("Skip", "Create", "CreateReplace"),
                  "cleanupOnFail",
                  BOOL,
                  "disableWait",
                  BOOL,
                  "remediation",
                  new Shape.Obj(REMEDIATION)),
          "driftDetection", obj("mode", oneOf("enabled", "warn", "disabled"), "ignore", RAW));
}
