/**
 * Offline validation of Kubernetes objects and Flux objects: well-formedness, and strict checks
 * against the {@code openAPIV3Schema} of the served versions of given CRDs ({@link
 * dev.hoist.validate.Validation}).
 */
package dev.hoist.validate;
