package dev.hoist.cli;

/** {@code -o}: text for people, json for machines. */
enum OutputFormat {
  text,
  json
}
