package dev.example;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

public final class Greeter {
  public static void main(String[] args) {
    System.out.println(new Load(LoadSettings.builder().build()).loadFromString("greeting: hello"));
  }
}
