package io.thalamus.intent.language;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads bandwidths and delays written the way operators write them: {@code 1Gbps}, {@code 2.1 mbps},
 * {@code 100 kilobits/s}, {@code 20.2 KB/s} (bytes: ×8), {@code 0.5 MBps}, {@code 13.79 KBit/s}, and
 * {@code 20 ms}, {@code 0.1 s}. A bare number is taken as Mbit/s (the corpus's batch tables use bare numbers).
 */
public final class Quantities {

    private static final Pattern NUMBER_UNIT = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*([A-Za-z/]*)");
    private static final Pattern DELAY = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|msec|milliseconds?|s|secs?|seconds?)\\b",
            Pattern.CASE_INSENSITIVE);

    /** "delay", "latency" or "rtt" right after a time, with at most a few words between ("of", "end-to-end", ...). */
    private static final Pattern DELAY_WORD_AFTER = Pattern.compile("\\s*(?:[a-z-]+\\s+){0,2}?(?:delay|latency|rtt)\\b");

    /** A time unit right after a number: such a number is a duration, never a rate. */
    private static final Pattern TIME_UNIT_AFTER = Pattern.compile(
            "\\s*(?:ms|msec|milliseconds?|s|secs?|seconds?|min|minutes?|h|hours?)\\b", Pattern.CASE_INSENSITIVE);

    private Quantities() {
    }

    /** The rate in bit/s of a bandwidth phrase, if it has a number. */
    public static OptionalDouble bandwidthBps(String phrase) {
        Matcher m = NUMBER_UNIT.matcher(phrase.strip());
        if (!m.find()) {
            return OptionalDouble.empty();
        }
        double v = Double.parseDouble(m.group(1).replace(',', '.'));
        String unit = m.group(2);
        if (unit.isEmpty()) {
            return OptionalDouble.of(v * 1e6);
        }
        String u = unit.replace("/s", "ps").replace("/S", "pS");
        char first = u.charAt(0);
        double scale = switch (Character.toLowerCase(first)) {
            case 'k' -> 1e3;
            case 'm' -> 1e6;
            case 'g' -> 1e9;
            case 't' -> 1e12;
            default -> 1;
        };
        String rest = scale == 1 ? u : u.substring(1);
        String lr = rest.toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {"ilo", "ega", "iga", "era"}) {
            if (lr.startsWith(prefix)) {
                lr = lr.substring(prefix.length());
                rest = rest.substring(prefix.length());
            }
        }
        boolean bytes = lr.startsWith("byte") || rest.startsWith("B") && !lr.startsWith("bit");
        return OptionalDouble.of(v * scale * (bytes ? 8 : 1));
    }

    /**
     * A delay bound in ms written after "delay" or "latency" (or "within", "rtt"), or followed closely by "delay",
     * "latency" or "rtt" ("30 ms delay", "20 ms of latency"), if the text has one.
     */
    public static OptionalDouble delayMs(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher m = DELAY.matcher(text);
        while (m.find()) {
            int from = Math.max(0, m.start() - 40);
            String before = lower.substring(from, m.start());
            String after = lower.substring(m.end(), Math.min(lower.length(), m.end() + 25));
            if (before.contains("delay") || before.contains("latency") || before.contains("within") || before.contains("rtt")
                    || DELAY_WORD_AFTER.matcher(after).lookingAt()) {
                double v = Double.parseDouble(m.group(1));
                String unit = m.group(2).toLowerCase(Locale.ROOT);
                return OptionalDouble.of(unit.startsWith("m") ? v : v * 1000.0);
            }
        }
        return OptionalDouble.empty();
    }

    /** Whether {@code rest} (the text right after a number) starts with a time unit: the number is a duration. */
    public static boolean startsWithTimeUnit(String rest) {
        return TIME_UNIT_AFTER.matcher(rest).lookingAt();
    }
}
