package dev.hoist.lint;

/** The description part of a rule; subclasses add {@link Rule#check}. */
abstract class BaseRule implements Rule {
  private final String id;
  private final Severity severity;
  private final String summary;
  private final String why;
  private final String fix;

  BaseRule(String id, Severity severity, String summary, String why, String fix) {
    this.id = id;
    this.severity = severity;
    this.summary = summary;
    this.why = why;
    this.fix = fix;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Severity severity() {
    return severity;
  }

  @Override
  public String summary() {
    return summary;
  }

  @Override
  public String why() {
    return why;
  }

  @Override
  public String fix() {
    return fix;
  }
}
