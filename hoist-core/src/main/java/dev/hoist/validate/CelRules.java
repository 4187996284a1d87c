package dev.hoist.validate;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.hoist.yaml.YamlNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A CRD's CEL rules ({@code x-kubernetes-validations}) evaluated as the API server would on a new
 * object, with cel-java: {@code self} is the value at the rule's node. Transition rules ({@code
 * oldSelf}) need the stored object and are skipped, as are rules using functions of Kubernetes' CEL
 * libraries that standard CEL lacks (they do not compile here). Compiled rules are cached.
 */
final class CelRules {
  private static final CelCompiler COMPILER =
      CelCompilerFactory.standardCelCompilerBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("self", SimpleType.DYN)
          .build();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();
  private static final Map<String, Optional<CelRuntime.Program>> PROGRAMS = new HashMap<>();

  private CelRules() {}

  /**
   * The messages of the rules {@code value} breaks, each with the field path it names ({@code
   * fieldPath} of the rule, else none).
   */
  static List<String[]> broken(YamlNode value, YamlNode.Sequence rules) {
    List<String[]> out = new ArrayList<>();
    Object self = plain(value);
    for (YamlNode item : rules.items()) {
      if (!(item instanceof YamlNode.Mapping rule)) {
        continue;
      }
      String expression = text(rule.entries().get("rule"));
      if (expression == null || expression.contains("oldSelf")) {
        continue;
      }
      Optional<CelRuntime.Program> program = program(expression);
      if (program.isEmpty()) {
        continue;
      }
      Object result;
      try {
        result = program.get().eval(Map.of("self", self));
      } catch (CelEvaluationException e) {
        continue; // e.g. a field the rule reads is absent: the API server reports no violation
      }
      if (Boolean.FALSE.equals(result)) {
        String message = text(rule.entries().get("message"));
        String fieldPath = text(rule.entries().get("fieldPath"));
        out.add(
            new String[] {
              message != null ? message : "failed rule: " + expression,
              fieldPath == null ? "" : fieldPath
            });
      }
    }
    return out;
  }

  private static synchronized Optional<CelRuntime.Program> program(String expression) {
    return PROGRAMS.computeIfAbsent(
        expression,
        e -> {
          try {
            CelAbstractSyntaxTree ast = COMPILER.compile(e).getAst();
            return Optional.of(RUNTIME.createProgram(ast));
          } catch (CelValidationException | CelEvaluationException ex) {
            return Optional.empty();
          }
        });
  }

  /** A YAML value as CEL sees JSON: maps, lists, int64, double, string, bool. */
  private static Object plain(YamlNode node) {
    if (node instanceof YamlNode.Mapping m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.entries()
          .forEach(
              (k, v) -> {
                Object value = plain(v);
                if (value != null) {
                  out.put(k, value);
                }
              });
      return out;
    }
    if (node instanceof YamlNode.Sequence s) {
      List<Object> out = new ArrayList<>();
      s.items().forEach(i -> out.add(plain(i)));
      return out;
    }
    YamlNode.Scalar scalar = (YamlNode.Scalar) node;
    String t = scalar.text();
    return switch (Scalars.kind(scalar)) {
      case NULL -> null;
      case BOOLEAN -> List.of("y", "yes", "true", "on").contains(t.toLowerCase(Locale.ROOT));
      case INTEGER -> integer(t);
      case NUMBER -> number(t);
      case STRING -> t;
    };
  }

  private static Object integer(String t) {
    try {
      return Long.decode(t.replace("_", "").replaceFirst("^([-+]?)0b", "$10B"));
    } catch (NumberFormatException e) {
      return t;
    }
  }

  private static Object number(String t) {
    try {
      return new BigDecimal(t).doubleValue();
    } catch (NumberFormatException e) {
      return t; // .inf, .nan: no JSON number
    }
  }

  private static String text(YamlNode node) {
    return node instanceof YamlNode.Scalar s && !s.isNull() ? s.text() : null;
  }
}
