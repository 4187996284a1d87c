/**
 * hoist's embedded kustomize engine: {@link dev.hoist.kustomize.Renderer#render} builds a
 * kustomization directory into the YAML stream kustomize v5.5 ({@code kubectl kustomize}) prints,
 * byte for byte, without plugins or network; {@link dev.hoist.kustomize.Rendering#render} also runs
 * the kustomize or kubectl binary on request. Resources are plain value trees ({@link
 * java.util.Map}, {@link java.util.List}, scalars) read with go-yaml v3's rules ({@code Values})
 * and written with {@link dev.hoist.yaml.GoYamlWriter} (kustomize's JSON round trip then go-yaml
 * v2). The order of work follows kustomize's KustTarget: resources, generators, components, then
 * per level the patch, namespace, prefix/suffix, label, annotation, JSON patch, replica, image and
 * replacement transformers; at the top, hash suffixes, name references, vars and the output order.
 */
package dev.hoist.kustomize;
