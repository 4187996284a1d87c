package dev.example.billing;

import dev.example.api.Money;

public final class Billing {
  public static void main(String[] args) {
    System.out.println(new Money(250, "EUR"));
  }
}
