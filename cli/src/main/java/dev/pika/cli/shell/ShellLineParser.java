package dev.pika.cli.shell;

import java.util.ArrayList;
import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * The one way {@code pika shell} splits a line into words, for TAB completion and for running it alike (jline
 * hands the same {@link ParsedLine} to the completer and, after Enter, to {@code getParsedLine()}). Words as a
 * POSIX shell splits plain words: blanks separate words; single quotes keep everything literally; double quotes
 * keep everything except {@code \"} and {@code \\}; a backslash outside quotes escapes the next character; a
 * quoted empty string ({@code ''}) is an empty argument. No expansion of any kind ({@code $}, globs, {@code ~}).
 * An unclosed quote asks for a continuation line, as a shell does (the newline is part of the word). jline's own
 * {@code DefaultParser} is not used because it drops quoted empty words ({@code --message ''}).
 */
final class ShellLineParser implements Parser {
    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        List<String> words = new ArrayList<>();
        List<int[]> raw = new ArrayList<>(); // each word's [start, end) in the line
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int start = 0;
        char quote = 0;
        int wordIndex = -1;
        int wordCursor = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == cursor) {
                wordIndex = words.size();
                wordCursor = word.length();
            }
            if (i == line.length()) {
                break;
            }
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (quote == '"' && c == '\\' && i + 1 < line.length()
                        && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    raw.add(new int[] {start, i});
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                if (!inWord) {
                    start = i;
                    inWord = true;
                }
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0 && context == ParseContext.ACCEPT_LINE) {
            throw new EOFError(-1, -1, "unclosed " + quote + " quote", quote == '"' ? "dquote" : "quote");
        }
        if (inWord) {
            words.add(word.toString());
            raw.add(new int[] {start, line.length()});
        }
        if (wordIndex < 0) {
            wordIndex = words.size();
        }
        if (context != ParseContext.ACCEPT_LINE && wordIndex == words.size()) {
            words.add(""); // the word being completed, still empty
            raw.add(new int[] {cursor, cursor});
        }
        int[] at = wordIndex < raw.size() ? raw.get(wordIndex) : new int[] {cursor, cursor};
        return new Line(line, cursor, List.copyOf(words), wordIndex, wordCursor, cursor - at[0], at[1] - at[0]);
    }

    /** One parsed line: the words, and where the cursor is among them (unquoted, and in the raw line). */
    record Line(String line, int cursor, List<String> words, int wordIndex, int wordCursor, int rawWordCursor,
                int rawWordLength) implements CompletingParsedLine {
        @Override
        public String word() {
            return wordIndex < words.size() ? words.get(wordIndex) : "";
        }

        /** A candidate as it is typed back into the line: blanks, quotes and backslashes escaped. */
        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            StringBuilder sb = new StringBuilder(candidate.length());
            candidate.codePoints().forEach(c -> {
                if (Character.isWhitespace(c) || c == '\'' || c == '"' || c == '\\') {
                    sb.append('\\');
                }
                sb.appendCodePoint(c);
            });
            return sb;
        }
    }
}
