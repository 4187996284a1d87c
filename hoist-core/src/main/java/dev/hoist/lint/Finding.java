package dev.hoist.lint;

/**
 * One mistake found: the rule, how serious, where it was written (the source file and line that
 * produced the field, relative to the project; line 0 when unknown), the object and the message.
 */
public record Finding(
    String rule,
    Severity severity,
    String overlay,
    String file,
    int line,
    String object,
    String message) {}
