package dev.hoist.api;

import java.util.List;

/**
 * What {@code hoist validate} found.
 *
 * @param missingCrds Flux objects were found but no CRDs were given, so they were not checked
 */
public record ValidationResult(
    int files, int objects, List<Problem> problems, boolean missingCrds) {

  /** What to tell a user when {@link #missingCrds()}: how to pass the CRDs. */
  public static final String NO_CRDS = dev.hoist.validate.Validation.NO_CRDS;

  public ValidationResult {
    problems = List.copyOf(problems);
  }

  /** True when nothing is wrong and nothing went unchecked. */
  public boolean ok() {
    return problems.isEmpty() && !missingCrds;
  }

  /** One problem, printed as {@code file:line: object path: message}. */
  public record Problem(String file, int line, String object, String path, String message) {
    @Override
    public String toString() {
      return new dev.hoist.validate.Problem(file, line, object, path, message).toString();
    }
  }
}
