package io.thalamus.intent.language;

import java.util.List;

/** One training sentence: its intent label, plain text, and entity spans (character offsets into the text). */
public record LabelledSentence(String label, String text, List<Span> spans) {

    public LabelledSentence {
        spans = List.copyOf(spans);
    }

    /** An entity span {@code [start, end)} of {@code kind}, with the annotated value when one was given. */
    public record Span(int start, int end, String kind, String value) {
    }
}
