package dev.example.api;

public record Money(long cents, String currency) {}
