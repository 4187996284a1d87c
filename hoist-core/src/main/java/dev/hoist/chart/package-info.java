/**
 * The project's own Helm charts: {@link dev.hoist.chart.Charts} is the engine of {@code hoist chart
 * lint|template|package|push|pull}. Packing ({@link dev.hoist.chart.ChartPackager}, reproducible),
 * pushing and pulling ({@link dev.hoist.chart.ChartPublisher}, {@link dev.hoist.chart.ChartPuller},
 * through hoist's own registry client) and hoist's chart checks are plain Java; only {@link
 * dev.hoist.chart.HelmLibrary} touches real Helm (helm-java, JNA), so Helm's native library loads
 * only for lint and template.
 */
package dev.hoist.chart;
