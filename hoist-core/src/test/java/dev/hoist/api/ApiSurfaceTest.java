package dev.hoist.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API is one package: no type from outside {@code dev.hoist.api} (other than the JDK's)
 * appears in a public or protected signature of a public type in it.
 */
class ApiSurfaceTest {
  @Test
  void noTypeFromOutsideTheApiLeaksIntoItsSignatures() throws Exception {
    List<Class<?>> types = apiTypes();
    assertTrue(types.size() > 10, "API types found: " + types);
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : types) {
      leaks.addAll(leaks(type));
    }
    assertEquals(List.of(), leaks);
  }

  @Test
  void theCheckSeesALeak() {
    assertEquals(
        List.of(
            "dev.hoist.api.ApiSurfaceTest$Leaky.exit() returns dev.hoist.run.ExitCode",
            "dev.hoist.api.ApiSurfaceTest$Leaky.tags(java.util.List) takes"
                + " java.util.List<dev.hoist.oci.Digest>"),
        leaks(Leaky.class));
  }

  /** A public type that leaks two internal types (only for {@link #theCheckSeesALeak}). */
  public static final class Leaky {
    public dev.hoist.run.ExitCode exit() {
      return null;
    }

    public void tags(List<dev.hoist.oci.Digest> digests) {}

    void internal(dev.hoist.oci.Digest fine) {}
  }

  /** Every public class of the package, nested ones included, from the compiled classes. */
  private static List<Class<?>> apiTypes() throws IOException, URISyntaxException {
    Path classes =
        Path.of(Hoist.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve("dev/hoist/api");
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(classes)) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".class") || name.equals("package-info.class")) {
          continue;
        }
        try {
          Class<?> type = Class.forName("dev.hoist.api." + name.replace(".class", ""));
          if (isPublic(type)) {
            out.add(type);
          }
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return out;
  }

  private static boolean isPublic(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass()) {
        return false;
      }
    }
    return true;
  }

  static List<String> leaks(Class<?> type) {
    TreeSet<String> out = new TreeSet<>();
    String where = type.getName();
    check(type.getGenericSuperclass(), where + " extends", out);
    for (Type i : type.getGenericInterfaces()) {
      check(i, where + " implements", out);
    }
    for (Field f : type.getDeclaredFields()) {
      if (visible(f.getModifiers())) {
        check(f.getGenericType(), where + "." + f.getName() + " is", out);
      }
    }
    if (type.isRecord()) {
      for (RecordComponent c : type.getRecordComponents()) {
        check(c.getGenericType(), where + "." + c.getName() + " component is", out);
      }
    }
    List<Executable> members = new ArrayList<>(List.of(type.getDeclaredMethods()));
    members.addAll(List.<Constructor<?>>of(type.getDeclaredConstructors()));
    for (Executable m : members) {
      if (!visible(m.getModifiers()) || m.isSynthetic()) {
        continue;
      }
      String sig = where + "." + (m instanceof Method ? m.getName() : "<init>") + params(m);
      if (m instanceof Method method) {
        check(method.getGenericReturnType(), sig + " returns", out);
      }
      for (Type p : m.getGenericParameterTypes()) {
        check(p, sig + " takes", out);
      }
      for (Type e : m.getGenericExceptionTypes()) {
        check(e, sig + " throws", out);
      }
    }
    return List.copyOf(out);
  }

  private static String params(Executable m) {
    StringBuilder sb = new StringBuilder("(");
    for (Class<?> p : m.getParameterTypes()) {
      sb.append(sb.length() > 1 ? "," : "").append(p.getName());
    }
    return sb.append(')').toString();
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void check(Type t, String where, TreeSet<String> out) {
    if (t != null && !allowed(t)) {
      out.add(where + " " + t.getTypeName());
    }
  }

  private static boolean allowed(Type t) {
    if (t instanceof Class<?> c) {
      while (c.isArray()) {
        c = c.getComponentType();
      }
      String name = c.getName();
      return c.isPrimitive()
          || name.startsWith("java.")
          || (name.startsWith("dev.hoist.api.") && name.indexOf('.', 14) < 0);
    } else if (t instanceof ParameterizedType p) {
      return allowed(p.getRawType())
          && Stream.of(p.getActualTypeArguments()).allMatch(ApiSurfaceTest::allowed);
    } else if (t instanceof WildcardType w) {
      return Stream.of(w.getUpperBounds()).allMatch(ApiSurfaceTest::allowed)
          && Stream.of(w.getLowerBounds()).allMatch(ApiSurfaceTest::allowed);
    } else if (t instanceof GenericArrayType g) {
      return allowed(g.getGenericComponentType());
    } else if (t instanceof TypeVariable<?> v) {
      return Stream.of(v.getBounds()).allMatch(ApiSurfaceTest::allowed);
    }
    return false;
  }
}
