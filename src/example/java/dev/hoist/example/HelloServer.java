package dev.hoist.example;
public final class HelloServer { public static void main(String[] a) { } }
