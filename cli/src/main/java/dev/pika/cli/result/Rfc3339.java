package dev.pika.cli.result;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks RFC 3339 {@code date-time} text (section 5.6): {@code YYYY-MM-DDThh:mm:ss[.frac](Z|±hh:mm)}, {@code T}
 * and {@code Z} in either case, seconds required, leap second {@code 60} allowed, calendar dates checked.
 */
final class Rfc3339 {
    private Rfc3339() {
    }

    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?(?:[Zz]|[+-](\\d{2}):(\\d{2}))");

    /**
     * @param text candidate timestamp
     * @return null when {@code text} is RFC 3339, else the reason it is not (one phrase, for an error message)
     */
    static String problem(String text) {
        Matcher m = DATE_TIME.matcher(text);
        if (!m.matches()) {
            return "it does not have the shape YYYY-MM-DDThh:mm:ss[.fraction] followed by Z or ±hh:mm";
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        try {
            LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return "the date " + m.group(1) + "-" + m.group(2) + "-" + m.group(3) + " does not exist";
        }
        if (Integer.parseInt(m.group(4)) > 23 || Integer.parseInt(m.group(5)) > 59
                || Integer.parseInt(m.group(6)) > 60) {
            return "the time " + m.group(4) + ":" + m.group(5) + ":" + m.group(6) + " is out of range";
        }
        if (m.group(8) != null && (Integer.parseInt(m.group(8)) > 23 || Integer.parseInt(m.group(9)) > 59)) {
            return "the offset " + m.group(8) + ":" + m.group(9) + " is out of range";
        }
        return null;
    }
}
