/**
 * The Flux objects a cluster needs to reconcile a project's manifests artifact ({@link
 * dev.hoist.flux.FluxObjects}), written as the Flux CLI exports them, and a change-only file writer
 * ({@link dev.hoist.flux.FluxWriter}).
 */
package dev.hoist.flux;
