package dev.pika.cli.common;

/**
 * Marks a subcommand that never looks at the other commands (unlike {@code help} or completion, which walk the
 * whole tree). When the first argument names one, {@code Main} builds the command line with that subcommand
 * alone: picocli reflects over every command it is given, and start-up time is the product here
 * (docs/performance.md).
 */
public interface Standalone {
}
