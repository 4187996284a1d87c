import dev.hoist.cli.HoistCommand;
import dev.hoist.cli.Main;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.reflect.Field;
import picocli.CommandLine;

/**
 * Where a cold `hoist render` spends its time inside the JVM, phase by phase: `Main.run render`
 * cold (QuickStart's path: no picocli), then warm; then, for the commands that still go through
 * picocli, its costs on the same JVM: loading it, its first annotation read (annotation parsing and
 * the first dynamic proxies), the other annotations the root and render commands carry, its model
 * of the root command once the annotations are read, and the render command's model. Run by
 * budget.sh with the launcher's JVM options and archive; prints one line of milliseconds.
 */
public class Budget {
  public static void main(String[] args) throws Exception {
    String overlay = args.length > 0 ? args[0] : "overlays/prod";
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    long t0 = System.nanoTime();
    int code = Main.run(none, none, "render", overlay);
    long t1 = System.nanoTime();
    Main.run(none, none, "render", overlay);
    long t2 = System.nanoTime();
    if (code != 0) {
      throw new IllegalStateException("hoist render " + overlay + " exited " + code);
    }
    Class.forName("picocli.CommandLine");
    long t3 = System.nanoTime();
    HoistCommand.class.getAnnotations();
    long t4 = System.nanoTime();
    Class<?> render = Class.forName("dev.hoist.cli.RenderCommand");
    for (Class<?> c :
        new Class<?>[] {HoistCommand.class, Class.forName("picocli.CommandLine$AutoHelpMixin"), render}) {
      for (Field f : c.getDeclaredFields()) {
        f.getAnnotations();
      }
    }
    render.getAnnotations();
    long t5 = System.nanoTime();
    new CommandLine(new HoistCommand());
    long t6 = System.nanoTime();
    new CommandLine(render.getDeclaredConstructor().newInstance());
    long t7 = System.nanoTime();
    System.out.printf(
        "%.1f %.1f %.1f %.1f %.1f %.1f %.1f%n",
        ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t3, t4), ms(t4, t5), ms(t5, t6), ms(t6, t7));
  }

  private static double ms(long from, long to) {
    return (to - from) / 1e6;
  }
}
