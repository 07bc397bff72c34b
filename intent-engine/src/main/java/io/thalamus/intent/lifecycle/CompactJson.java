package io.thalamus.intent.lifecycle;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.POJONode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A JSON value kept as its compact UTF-8 text: one byte array instead of a tree of nodes and maps, so the
 * intents held in memory cost a few bytes per character of their JSON (about a tenth of a Jackson tree) and
 * give the garbage collector one object to move instead of hundreds. {@link #tree} parses it back on demand.
 */
public final class CompactJson implements JsonSerializable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final byte[] utf8;
    /** Content hash, computed on first use (0: not yet). */
    private int hash;

    private CompactJson(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** The compact text of {@code node}; a node carrying already-serialised JSON ({@link #raw}) is taken as it is. */
    public static CompactJson of(JsonNode node) {
        if (node instanceof POJONode p && p.getPojo() instanceof CompactJson c) {
            return c;
        }
        try {
            return new CompactJson(MAPPER.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value as a fresh tree (the caller may change it). */
    public JsonNode tree() {
        return parse(utf8);
    }

    /** The text itself (not a copy: never change it); records keep it without this wrapper. */
    byte[] utf8() {
        return utf8;
    }

    /** {@code utf8} (compact JSON text, as {@link #utf8} gives it) as a fresh tree. */
    static JsonNode parse(byte[] utf8) {
        try {
            return MAPPER.readTree(utf8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A node carrying this value that serialises as the text verbatim, for putting it into a larger document without
     * a tree ({@link #of} takes it back as it is; {@link #writeTo} copies its bytes).
     */
    public JsonNode raw() {
        return new POJONode(this);
    }

    /** Whether {@code node} is a {@link #raw} carrier. */
    public static boolean isRaw(JsonNode node) {
        return node instanceof POJONode p && p.getPojo() instanceof CompactJson;
    }

    /** Appends the UTF-8 text to {@code out}. */
    public void writeTo(java.io.OutputStream out) throws IOException {
        out.write(utf8);
    }

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeRawValue(toString());
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer) throws IOException {
        serialize(gen, serializers);
    }

    /** Length of the UTF-8 text in bytes. */
    public int size() {
        return utf8.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompactJson c && c.utf8.length == utf8.length && c.hashCode() == hashCode()
                && Arrays.equals(c.utf8, utf8);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(utf8);
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
