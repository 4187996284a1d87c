package dev.hoist.sbom;

/**
 * A package found in an image's layers.
 *
 * @param type CycloneDX component type ({@code library})
 * @param group the Maven groupId or npm scope, or null
 * @param name the package name
 * @param version its version, or null
 * @param purl the package URL ({@code pkg:maven/…}, {@code pkg:pypi/…}, {@code pkg:npm/…})
 * @param sha256 the hex SHA-256 of the file it was found in (a jar), or null
 * @param path where in the image it was found
 */
public record Component(
    String type,
    String group,
    String name,
    String version,
    String purl,
    String sha256,
    String path) {}
