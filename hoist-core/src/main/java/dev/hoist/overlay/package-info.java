/**
 * Kustomize overlays pinned to image digests: a surgical {@code images:} editor that keeps the rest
 * of a kustomization byte for byte ({@link dev.hoist.overlay.KustomizationEditor}) and a stager
 * that copies a repository's Kustomize directories and pins every overlay ({@link
 * dev.hoist.overlay.OverlayStager}).
 */
package dev.hoist.overlay;
