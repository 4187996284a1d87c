package dev.example.orders;

import dev.example.api.Money;

public final class Orders {
  public static void main(String[] args) {
    System.out.println(new Money(100, "EUR"));
  }
}
