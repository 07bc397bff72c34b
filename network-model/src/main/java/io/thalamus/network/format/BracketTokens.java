package io.thalamus.network.format;

import java.util.ArrayList;
import java.util.List;

/** Splits the bracketed plain-text network formats (SNDlib native, GML) into tokens. */
public final class BracketTokens {

    private BracketTokens() {
    }

    /**
     * Splits {@code s} on whitespace, with {@code open} and {@code close} as tokens of their own; when
     * {@code quoted}, a double-quoted run is one token without its quotes (an unclosed quote runs to the end).
     */
    public static List<String> split(String s, char open, char close, boolean quoted) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == open || c == close) {
                out.add(String.valueOf(c));
                i++;
            } else if (quoted && c == '"') {
                int j = s.indexOf('"', i + 1);
                if (j < 0) {
                    j = n;
                }
                out.add(s.substring(i + 1, j));
                i = j + 1;
            } else {
                int j = i;
                while (j < n && !Character.isWhitespace(s.charAt(j)) && s.charAt(j) != open && s.charAt(j) != close) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            }
        }
        return out;
    }
}
