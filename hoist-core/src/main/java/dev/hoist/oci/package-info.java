/**
 * hoist's OCI content layer: {@link dev.hoist.oci.Reference references}, the {@link
 * dev.hoist.oci.Repository} abstraction, and its two implementations: {@link
 * dev.hoist.oci.RegistryRepository} (the distribution API over {@code java.net.http}, made by
 * {@link dev.hoist.oci.RegistryClient}, with retries, challenge auth and {@link
 * dev.hoist.oci.Credentials}) and {@link dev.hoist.oci.OciLayout} (a local OCI image layout).
 */
package dev.hoist.oci;
