package io.thalamus.intent.language;

import java.util.ArrayList;
import java.util.List;

/** A word of a sentence with its character offsets. */
public record Token(String text, int start, int end) {

    private static final String LEADING = "([{\"'";
    private static final String TRAILING = ",;!?)]}\"'.:";

    /**
     * Splits on whitespace and peels surrounding punctuation off each word, keeping what is inside
     * (MAC and IP addresses, {@code kilobits/s}, {@code s1_b2}).
     */
    public static List<Token> split(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int end = i;
            while (start < end && LEADING.indexOf(s.charAt(start)) >= 0) {
                start++;
            }
            while (end > start && TRAILING.indexOf(s.charAt(end - 1)) >= 0) {
                end--;
            }
            if (end > start) {
                out.add(new Token(s.substring(start, end), start, end));
            }
        }
        return out;
    }
}
