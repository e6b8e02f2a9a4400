package dev.pika.contract.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A generator that writes scalars exactly as serde_json does (without its {@code arbitrary_precision} feature):
 * control characters other than {@code \b \t \n \f \r} as lower-case <code>&#92;u00xx</code>; floating-point numbers in
 * the shortest round-trip form laid out like the {@code ryu} crate ({@code 1.0}, {@code 10000000000.0},
 * {@code 1.5e-7}, {@code 1e30}); integers outside i64..u64 as the f64 they parse to.
 *
 * <p>Digits are the shortest that round-trip (closest among equals), as {@code ryu} computes them.
 */
final class SerdeJsonGenerator extends JsonGeneratorDelegate {
    private static final BigInteger I64_MIN = BigInteger.valueOf(Long.MIN_VALUE);

    SerdeJsonGenerator(JsonGenerator d) {
        super(d, false);
        d.setCharacterEscapes(SerdeEscapes.INSTANCE);
    }

    @Override
    public void writeNumber(double v) throws IOException {
        writeRawValue(formatF64(v));
    }

    @Override
    public void writeNumber(float v) throws IOException {
        writeRawValue(formatF64(Double.parseDouble(Float.toString(v))));
    }

    @Override
    public void writeNumber(BigDecimal v) throws IOException {
        writeRawValue(formatF64(v.doubleValue()));
    }

    @Override
    public void writeNumber(BigInteger v) throws IOException {
        if (v.compareTo(I64_MIN) < 0 || v.compareTo(Unsigned.U64_MAX) > 0) {
            writeRawValue(formatF64(v.doubleValue()));
        } else {
            super.writeNumber(v);
        }
    }

    /**
     * serde_json's text of a finite f64 (the {@code ryu} crate's layout).
     *
     * @param v a finite double
     * @return e.g. {@code 1.0}, {@code 0.001}, {@code 1e-7}, {@code 1.2345678901234568e22}
     */
    static String formatF64(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "null";
        }
        StringBuilder sb = new StringBuilder();
        if (v < 0 || (v == 0 && 1 / v < 0)) {
            sb.append('-');
        }
        double a = Math.abs(v);
        if (a == 0) {
            return sb.append("0.0").toString();
        }
        BigDecimal bd = shortest(a);
        String digits = bd.unscaledValue().toString();
        int length = digits.length();
        int k = -bd.scale();
        int kk = length + k;
        if (k >= 0 && kk <= 16) {
            sb.append(digits).append("0".repeat(k)).append(".0");
        } else if (kk > 0 && kk <= 16) {
            sb.append(digits, 0, kk).append('.').append(digits, kk, length);
        } else if (kk > -5 && kk <= 0) {
            sb.append("0.").append("0".repeat(-kk)).append(digits);
        } else if (length == 1) {
            sb.append(digits).append('e').append(kk - 1);
        } else {
            sb.append(digits.charAt(0)).append('.').append(digits, 1, length).append('e').append(kk - 1);
        }
        return sb.toString();
    }

    /**
     * The shortest decimal that parses back to {@code a}, the closest one when several have that length (what
     * {@code ryu} computes; {@link Double#toString(double)} on JDK 17 is sometimes one digit longer).
     */
    private static BigDecimal shortest(double a) {
        BigDecimal exact = new BigDecimal(a);
        for (int p = 1; p <= 17; p++) {
            BigDecimal best = null;
            for (RoundingMode mode : ROUNDINGS) {
                BigDecimal candidate = exact.round(new MathContext(p, mode));
                if (candidate.doubleValue() == a && (best == null
                        || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                    best = candidate;
                }
            }
            if (best != null) {
                return best.stripTrailingZeros();
            }
        }
        return exact.stripTrailingZeros();
    }

    private static final RoundingMode[] ROUNDINGS = {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING};

    /** serde_json's string escapes. */
    static final class SerdeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        static final SerdeEscapes INSTANCE = new SerdeEscapes();
        private static final String HEX = "0123456789abcdef";
        private final int[] codes;

        private SerdeEscapes() {
            codes = CharacterEscapes.standardAsciiEscapesForJSON();
            for (int c = 0; c < 0x20; c++) {
                if (codes[c] == CharacterEscapes.ESCAPE_STANDARD) {
                    codes[c] = CharacterEscapes.ESCAPE_CUSTOM;
                }
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return codes.clone();
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch >= 0x20) {
                return null;
            }
            return new SerializedString("\\u00" + HEX.charAt((ch >> 4) & 0xF) + HEX.charAt(ch & 0xF));
        }
    }
}
