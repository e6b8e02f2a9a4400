package dev.pika.cli.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code pika shell} input line into arguments as a POSIX shell would for plain words: blanks separate
 * words; single quotes keep everything literally; double quotes keep everything except {@code \"} and {@code \\};
 * a backslash outside quotes escapes the next character. A quoted empty string ({@code ''} or {@code ""}) is an
 * empty argument. No expansion of any kind ({@code $}, globs, {@code ~}) happens.
 */
final class ShellWords {
    private ShellWords() {
    }

    /**
     * @param line the input line
     * @return the arguments
     * @throws IllegalArgumentException when a quote is not closed, naming the quote character
     */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < line.length() && line.charAt(end) != c) {
                    if (c == '"' && line.charAt(end) == '\\' && end + 1 < line.length()
                            && (line.charAt(end + 1) == '"' || line.charAt(end + 1) == '\\')) {
                        end++;
                    }
                    word.append(line.charAt(end));
                    end++;
                }
                if (end >= line.length()) {
                    throw new IllegalArgumentException("unterminated " + c + " quote");
                }
                i = end;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
