package dev.pika.cli.common;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * picocli's help, wrapped at spaces only. picocli wraps with {@link java.text.BreakIterator#getLineInstance()},
 * which breaks after a dot inside a word, so {@code status.json}, {@code paths.state_dir} or
 * {@code .#packages.SYSTEM} could be split across two lines of help; picocli offers no hook for the break rule, so
 * the description, header, footer and option/parameter tables are laid out here with a table whose wrapping
 * columns are cut at spaces before picocli sees them (each piece then fits, and picocli writes it whole).
 */
final class WordWrapHelp extends CommandLine.Help {
    WordWrapHelp(CommandSpec spec, ColorScheme scheme) {
        super(spec, scheme);
    }

    @Override
    public String description(Object... params) {
        return join(commandSpec().usageMessage().description(), params);
    }

    @Override
    public String header(Object... params) {
        return join(commandSpec().usageMessage().header(), params);
    }

    @Override
    public String footer(Object... params) {
        return join(commandSpec().usageMessage().footer(), params);
    }

    @Override
    public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals,
                                      ColorScheme scheme) {
        int longOptions = calcLongOptionColumnWidth(options, positionals, scheme);
        int width = commandSpec().usageMessage().width();
        // the columns of picocli's TextTable.forDefaultColumns
        TextTable table = new SpaceWrappedTable(scheme,
                new Column(2, 0, Column.Overflow.TRUNCATE),
                new Column(2, 0, Column.Overflow.SPAN),
                new Column(1, 0, Column.Overflow.TRUNCATE),
                new Column(longOptions, 1, Column.Overflow.SPAN),
                new Column(width - 5 - longOptions, 1, Column.Overflow.WRAP));
        return new Layout(scheme, table, createDefaultOptionRenderer(), createDefaultParameterRenderer());
    }

    /** picocli's command list (name, first line of the header or description), with the description wrapped here. */
    @Override
    public String commandList(java.util.Map<String, CommandLine.Help> subcommands) {
        if (subcommands.isEmpty()) {
            return "";
        }
        int width = commandSpec().usageMessage().width();
        int nameWidth = 0;
        for (String name : subcommands.keySet()) {
            nameWidth = Math.max(nameWidth, name.length());
        }
        nameWidth = Math.min(nameWidth, width / 2);
        TextTable table = new SpaceWrappedTable(colorScheme(),
                new Column(nameWidth + 2, 2, Column.Overflow.SPAN),
                new Column(width - (nameWidth + 2), 2, Column.Overflow.WRAP));
        for (CommandLine.Help help : subcommands.values()) {
            CommandLine.Model.UsageMessageSpec usage = help.commandSpec().usageMessage();
            String first = usage.header().length > 0 ? usage.header()[0]
                    : usage.description().length > 0 ? usage.description()[0] : "";
            Text[] lines = colorScheme().text(format(first)).splitLines();
            for (int i = 0; i < lines.length; i++) {
                table.addRowValues(i == 0 ? help.commandNamesText(", ") : colorScheme().text(""), lines[i]);
            }
        }
        return table.toString();
    }

    /** picocli's {@code Help.join}: one wrapping column as wide as the help, no indent for wrapped lines. */
    private String join(String[] lines, Object... params) {
        if (lines == null || lines.length == 0) {
            return "";
        }
        TextTable table = new SpaceWrappedTable(colorScheme(),
                new Column(commandSpec().usageMessage().width(), 0, Column.Overflow.WRAP));
        table.indentWrappedLines = 0;
        for (String line : lines) {
            table.addRowValues(format(line, params));
        }
        return table.toString(new StringBuilder()).toString();
    }

    /** picocli's format: {@code String.format} (so {@code %n} is a line break), the raw text when it cannot. */
    private static String format(String text, Object... params) {
        try {
            return text == null ? "" : String.format(text, params);
        } catch (java.util.IllegalFormatException e) {
            return text;
        }
    }

    /** A table whose wrapping columns break lines at spaces only (see the class comment). */
    static final class SpaceWrappedTable extends TextTable {
        private final ColorScheme scheme;

        SpaceWrappedTable(ColorScheme scheme, Column... columns) {
            super(scheme, columns);
            this.scheme = scheme;
        }

        @Override
        public Cell putValue(int row, int col, Text value) {
            Column column = columns()[col];
            if (value == null || column.overflow != Column.Overflow.WRAP || value.plainString().indexOf('\n') >= 0) {
                return super.putValue(row, col, value);
            }
            String plain = value.plainString();
            int room = Math.max(1, column.width - column.indent);
            int nextRoom = Math.max(1, room - indentWrappedLines);
            Cell cell = null;
            int start = 0;
            int r = row;
            boolean first = true;
            while (start < plain.length()) {
                int end = lineEnd(plain, start, first ? room : nextRoom);
                Text part = value.substring(start, end);
                if (!first) {
                    addEmptyRow();
                    r++;
                    part = scheme.text(" ".repeat(indentWrappedLines)).concat(part);
                }
                cell = super.putValue(r, col, part);
                r = cell.row;
                first = false;
                start = end;
                while (start < plain.length() && plain.charAt(start) == ' ') {
                    start++; // the space a line was broken at is not carried to the next line
                }
            }
            return cell == null ? super.putValue(row, col, value) : cell;
        }

        /**
         * @return where the line starting at {@code start} ends: after the last word that fits in {@code room}
         *     characters, or after the first word when even that does not fit (picocli then cuts it)
         */
        static int lineEnd(String s, int start, int room) {
            if (s.length() - start <= room) {
                return s.length();
            }
            int limit = start + room - 1; // the word and the space after it fit, as picocli counts
            int cut = s.lastIndexOf(' ', limit);
            if (cut <= start) {
                int next = s.indexOf(' ', start + 1);
                return next < 0 ? s.length() : next;
            }
            return cut;
        }
    }
}
