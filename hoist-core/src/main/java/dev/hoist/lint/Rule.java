package dev.hoist.lint;

import java.util.List;

/**
 * A lint rule (kube-linter style, one file each): an id, a default severity, a one-line summary,
 * why it matters and how to fix it ({@code hoist lint --explain ID}), and the check itself over one
 * rendered overlay.
 */
public interface Rule {
  String id();

  Severity severity();

  String summary();

  String why();

  String fix();

  /** The findings in {@code overlay}, each with the rule's default severity. */
  List<Finding> check(LintedOverlay overlay);
}
