package dev.hoist.cli;
public final class Main { public static void main(String[] a) { } }
