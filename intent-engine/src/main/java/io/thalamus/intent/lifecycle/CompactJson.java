package io.thalamus.intent.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A JSON value kept as its compact UTF-8 text: one byte array instead of a tree of nodes and maps, so the
 * intents held in memory cost a few bytes per character of their JSON (about a tenth of a Jackson tree) and
 * give the garbage collector one object to move instead of hundreds. {@link #tree} parses it back on demand.
 */
public final class CompactJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final byte[] utf8;
    private final int hash;

    private CompactJson(byte[] utf8) {
        this.utf8 = utf8;
        this.hash = Arrays.hashCode(utf8);
    }

    /** The compact text of {@code node}; a node carrying already-serialised JSON ({@link #raw}) is taken as it is. */
    public static CompactJson of(JsonNode node) {
        if (node instanceof POJONode p && p.getPojo() instanceof RawValue rv && rv.rawValue() instanceof String s) {
            return new CompactJson(s.getBytes(StandardCharsets.UTF_8));
        }
        try {
            return new CompactJson(MAPPER.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value as a fresh tree (the caller may change it). */
    public JsonNode tree() {
        try {
            return MAPPER.readTree(utf8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A node that serialises as this text verbatim (for writing it into a larger document without a tree). */
    public JsonNode raw() {
        return new POJONode(new RawValue(new String(utf8, StandardCharsets.UTF_8)));
    }

    /** Length of the UTF-8 text in bytes. */
    public int size() {
        return utf8.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompactJson c && c.hash == hash && Arrays.equals(c.utf8, utf8);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
