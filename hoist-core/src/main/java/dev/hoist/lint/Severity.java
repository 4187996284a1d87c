package dev.hoist.lint;

/** How serious a finding is: an error stops a release, a warning is printed. */
public enum Severity {
  WARNING,
  ERROR;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
