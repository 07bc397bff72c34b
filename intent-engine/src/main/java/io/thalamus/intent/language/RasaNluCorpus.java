package io.thalamus.intent.language;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Rasa 2.x NLU markdown: {@code ## intent:<label>} headings followed by {@code - <utterance>} lines with
 * inline entities {@code [text](kind)} or {@code [text](kind:value)}.
 */
public final class RasaNluCorpus {

    private static final Pattern ENTITY = Pattern.compile("\\[([^\\]]+)]\\(([a-z_]+)(?::([^)]*))?\\)");

    private RasaNluCorpus() {
    }

    /** Every sentence of a file. */
    public static List<LabelledSentence> read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read NLU corpus " + file, e);
        }
    }

    /** Every sentence of a markdown text. */
    public static List<LabelledSentence> parse(String markdown) {
        List<LabelledSentence> out = new ArrayList<>();
        String label = null;
        for (String raw : markdown.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("## intent:")) {
                label = line.substring("## intent:".length()).strip();
            } else if (line.startsWith("- ") && label != null) {
                out.add(sentence(label, line.substring(2)));
            }
        }
        return out;
    }

    static LabelledSentence sentence(String label, String annotated) {
        StringBuilder text = new StringBuilder();
        List<LabelledSentence.Span> spans = new ArrayList<>();
        Matcher m = ENTITY.matcher(annotated);
        int at = 0;
        while (m.find()) {
            text.append(annotated, at, m.start());
            int start = text.length();
            text.append(m.group(1));
            spans.add(new LabelledSentence.Span(start, text.length(), m.group(2), m.group(3)));
            at = m.end();
        }
        text.append(annotated.substring(at));
        // collapse runs of spaces the generator left, keeping offsets valid by rebuilding them
        return normalise(label, text.toString(), spans);
    }

    private static LabelledSentence normalise(String label, String text, List<LabelledSentence.Span> spans) {
        int[] map = new int[text.length() + 1];
        StringBuilder out = new StringBuilder();
        boolean lastSpace = true;
        for (int i = 0; i < text.length(); i++) {
            map[i] = out.length();
            char c = text.charAt(i);
            boolean space = Character.isWhitespace(c);
            if (space && lastSpace) {
                continue;
            }
            out.append(space ? ' ' : c);
            lastSpace = space;
        }
        map[text.length()] = out.length();
        String t = out.toString();
        int trimmed = t.length();
        while (trimmed > 0 && t.charAt(trimmed - 1) == ' ') {
            trimmed--;
        }
        List<LabelledSentence.Span> moved = new ArrayList<>();
        for (LabelledSentence.Span s : spans) {
            int start = map[s.start()];
            int end = Math.min(map[s.end()], trimmed);
            while (end > start && t.charAt(end - 1) == ' ') {
                end--;
            }
            moved.add(new LabelledSentence.Span(start, end, s.kind(), s.value()));
        }
        return new LabelledSentence(label, t.substring(0, trimmed), moved);
    }
}
