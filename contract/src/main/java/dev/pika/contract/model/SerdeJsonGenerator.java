package dev.pika.contract.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A generator that writes scalars exactly as serde_json does (without its {@code arbitrary_precision} feature):
 * control characters other than {@code \b \t \n \f \r} as lower-case <code>&#92;u00xx</code>; floating-point numbers in
 * the shortest round-trip form laid out like the {@code ryu} crate ({@code 1.0}, {@code 10000000000.0},
 * {@code 1.5e-7}, {@code 1e30}); integers outside i64..u64 as the f64 they parse to.
 *
 * <p>Digits come from {@link Double#toString(double)}, which on JDK 17 is the shortest representation except in
 * rare cases (fixed in JDK 19); then our text differs from serde's in the last digit, but parses to the same value.
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
        BigDecimal bd = new BigDecimal(Double.toString(a)).stripTrailingZeros();
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
            return new SerializedString("\\u00" + HEX.charAt((ch >> 4) & 0xF) + HEX.charAt(ch & 0xF));
        }
    }
}
