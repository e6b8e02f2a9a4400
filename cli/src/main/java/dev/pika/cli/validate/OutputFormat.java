package dev.pika.cli.validate;

/** How {@code pika validate*} prints its findings. */
public enum OutputFormat {
    /** Compiler style, one finding per line, then a summary line. */
    text,
    /** One JSON document with every finding, for scripts. */
    json,
    /** GitHub Actions workflow commands ({@code ::error file=…,line=…,col=…::message}). */
    github
}
