package dev.example;

public final class Catalog {
  public static void main(String[] args) {
    System.out.println("catalog");
  }
}
