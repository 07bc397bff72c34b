package io.thalamus.telemetry.sample;

import com.fasterxml.jackson.core.io.NumberInput;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fast path of {@link SampleJson}: writes and reads the one canonical layout of a version-1 sample
 * byte by byte, without a parser object. {@link #read} returns null for anything that is not exactly that
 * layout with valid values (the caller then asks Jackson, which accepts other valid layouts and words
 * the errors); it never accepts a record Jackson would refuse, and never returns different values.
 */
final class CanonicalSampleJson {

    private static final byte[] VERSION = ascii("{\"schemaVersion\":1,\"element\":");
    private static final byte[] METRIC = ascii(",\"metric\":");
    private static final byte[] LINK = ascii(",\"link\":");
    private static final byte[] NODE = ascii(",\"node\":");
    private static final byte[] VALUE = ascii(",\"value\":");
    private static final byte[] UNIT = ascii(",\"unit\":");
    private static final byte[] TIMESTAMP = ascii(",\"timestamp\":");
    private static final byte[] SEQUENCE = ascii(",\"sequence\":");
    private static final byte[] NULL = ascii("null");

    private CanonicalSampleJson() {
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The canonical bytes of {@code s}, or null when a string needs escaping or a value is not finite. */
    static byte[] write(TelemetrySample s) {
        if (!plain(s.element()) || !plain(s.metric()) || !plain(s.linkId()) || !plain(s.nodeId()) || !plain(s.unit())
                || !Double.isFinite(s.value())) {
            return null;
        }
        Out o = new Out();
        o.put(VERSION).str(s.element()).put(METRIC).str(s.metric()).put(LINK).str(s.linkId()).put(NODE).str(s.nodeId())
                .put(VALUE).ascii(Double.toString(s.value())).put(UNIT).str(s.unit())
                .put(TIMESTAMP).ascii(Long.toString(s.timestampMs())).put(SEQUENCE).ascii(Long.toString(s.sequence()));
        o.b[o.n++] = '}';
        return Arrays.copyOf(o.b, o.n);
    }

    private static boolean plain(String v) {
        if (v == null) {
            return true;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** A growable byte buffer. */
    private static final class Out {
        byte[] b = new byte[192];
        int n;

        Out put(byte[] x) {
            room(x.length);
            System.arraycopy(x, 0, b, n, x.length);
            n += x.length;
            return this;
        }

        Out ascii(String v) {
            room(v.length());
            for (int i = 0; i < v.length(); i++) {
                b[n++] = (byte) v.charAt(i);
            }
            return this;
        }

        Out str(String v) {
            if (v == null) {
                return put(NULL);
            }
            room(v.length() + 2);
            b[n++] = '"';
            ascii(v);
            b[n++] = '"';
            return this;
        }

        private void room(int more) {
            if (n + more + 1 > b.length) {
                b = Arrays.copyOf(b, Math.max(b.length * 2, n + more + 1));
            }
        }
    }

    /** Reads the canonical layout, or returns null (not canonical, or invalid: let Jackson decide and explain). */
    static TelemetrySample read(byte[] j) {
        Cursor c = new Cursor(j);
        if (!c.expect(VERSION)) {
            return null;
        }
        String element = c.string(false);
        if (element == null || !c.expect(METRIC)) {
            return null;
        }
        String metric = c.string(false);
        if (metric == null || !c.expect(LINK)) {
            return null;
        }
        String link = c.string(true);
        if (c.failed || !c.expect(NODE)) {
            return null;
        }
        String node = c.string(true);
        if (c.failed || (link == null && node == null) || !c.expect(VALUE)) {
            return null;
        }
        double value = c.number();
        if (c.failed || !c.expect(UNIT)) {
            return null;
        }
        String unit = c.string(false);
        if (unit == null || !c.expect(TIMESTAMP)) {
            return null;
        }
        long ts = c.integer();
        if (c.failed || !c.expect(SEQUENCE)) {
            return null;
        }
        long seq = c.integer();
        if (c.failed || c.i != j.length - 1 || j[c.i] != '}') {
            return null;
        }
        return new TelemetrySample(element, metric, link, node, value, unit, ts, seq);
    }

    /** A read position over the bytes; {@code failed} once something is not canonical. */
    private static final class Cursor {
        final byte[] j;
        int i;
        boolean failed;

        Cursor(byte[] j) {
            this.j = j;
        }

        boolean expect(byte[] lit) {
            if (j.length - i < lit.length) {
                return false;
            }
            for (int k = 0; k < lit.length; k++) {
                if (j[i + k] != lit[k]) {
                    return false;
                }
            }
            i += lit.length;
            return true;
        }

        /** A non-blank plain ASCII string, or null ({@code failed} unless {@code nullable} and the literal null). */
        String string(boolean nullable) {
            if (nullable && expect(NULL)) {
                return null;
            }
            if (i >= j.length || j[i] != '"') {
                failed = true;
                return null;
            }
            int start = ++i;
            boolean blank = true;
            while (i < j.length) {
                byte b = j[i];
                if (b == '"') {
                    if (blank) {
                        failed = true;
                        return null;
                    }
                    String s = new String(j, start, i - start, StandardCharsets.ISO_8859_1);
                    i++;
                    return s;
                }
                if (b < 0x20 || b == '\\' || b >= 0x7f) {
                    failed = true;
                    return null;
                }
                if (b != ' ') {
                    blank = false;
                }
                i++;
            }
            failed = true;
            return null;
        }

        /** Length of a JSON number starting at {@code i}: -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?, 0 if none. */
        private int numberLength(boolean integerOnly) {
            int k = i;
            if (k < j.length && j[k] == '-') {
                k++;
            }
            if (k >= j.length || !digit(j[k])) {
                return 0;
            }
            k = j[k] == '0' ? k + 1 : digitsEnd(k);
            if (integerOnly) {
                return k - i;
            }
            if (k < j.length && j[k] == '.') {
                int d = digitsEnd(k + 1);
                if (d == k + 1) {
                    return 0;
                }
                k = d;
            }
            if (k < j.length && (j[k] == 'e' || j[k] == 'E')) {
                k++;
                if (k < j.length && (j[k] == '+' || j[k] == '-')) {
                    k++;
                }
                int d = digitsEnd(k);
                if (d == k) {
                    return 0;
                }
                k = d;
            }
            return k - i;
        }

        /** Index just past the run of ASCII digits starting at {@code k}. */
        private int digitsEnd(int k) {
            while (k < j.length && digit(j[k])) {
                k++;
            }
            return k;
        }

        private static boolean digit(byte b) {
            return b >= '0' && b <= '9';
        }

        double number() {
            int len = numberLength(false);
            if (len == 0) {
                failed = true;
                return Double.NaN;
            }
            double v = NumberInput.parseDouble(new String(j, i, len, StandardCharsets.ISO_8859_1), true);
            i += len;
            return v;
        }

        /** An integer of at most 18 digits (no overflow possible); longer ones are left to Jackson. */
        long integer() {
            int len = numberLength(true);
            boolean neg = len > 0 && j[i] == '-';
            int digits = neg ? len - 1 : len;
            if (len == 0 || digits > 18) {
                failed = true;
                return 0;
            }
            long v = 0;
            for (int k = neg ? i + 1 : i; k < i + len; k++) {
                v = v * 10 + (j[k] - '0');
            }
            i += len;
            return neg ? -v : v;
        }
    }
}
