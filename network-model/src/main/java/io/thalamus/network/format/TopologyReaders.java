package io.thalamus.network.format;

import io.thalamus.network.topology.Topology;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens a topology file in any supported format, chosen by extension and first content:
 * {@code .json} (Thalamus JSON), {@code .graphml} (Topology Zoo), {@code .xml} (SNDlib XML),
 * {@code .txt} starting with {@code ?SNDlib} (SNDlib native) or {@code Node_num:} (Abilene Zhang / CFR-RL);
 * an {@code .xml} file whose root is {@code <graphml>} or {@code <domain>} (TOTEM) is read as such.
 */
public final class TopologyReaders {

    private TopologyReaders() {
    }

    /** The supported topology formats. */
    public enum Format { THALAMUS_JSON, SNDLIB_NATIVE, SNDLIB_XML, GRAPHML, ABILENE_ZHANG, TOTEM_XML }

    /** Reads a topology in whichever supported format {@code file} is. */
    public static Topology read(Path file) {
        return switch (detect(file)) {
            case THALAMUS_JSON -> TopologyJson.read(file);
            case SNDLIB_NATIVE -> SndlibNativeReader.read(file);
            case SNDLIB_XML -> SndlibXmlReader.read(file);
            case GRAPHML -> GraphMlReader.read(file);
            case ABILENE_ZHANG -> AbileneZhangReader.readTopology(file);
            case TOTEM_XML -> TotemTopologyReader.read(file);
        };
    }

    /** The format of {@code file}. @throws TopologyFormatException when it is none of the supported ones */
    public static Format detect(Path file) {
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new TopologyFormatException(source, "", "no such file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String head = firstContent(file);
        if (name.endsWith(".json")) {
            return Format.THALAMUS_JSON;
        }
        if (name.endsWith(".graphml")) {
            return Format.GRAPHML;
        }
        if (name.endsWith(".xml")) {
            String start = firstChars(file);
            if (start.contains("<graphml")) {
                return Format.GRAPHML;
            }
            if (start.contains("<domain")) {
                return Format.TOTEM_XML;
            }
            return Format.SNDLIB_XML;
        }
        if (name.endsWith(".txt")) {
            if (head.startsWith("?SNDlib") || head.startsWith("#") || head.startsWith("NODES")) {
                return Format.SNDLIB_NATIVE;
            }
            if (head.startsWith("Node_num:")) {
                return Format.ABILENE_ZHANG;
            }
            throw new TopologyFormatException(source, "line 1",
                    "unrecognised text format (expected an SNDlib native file starting with '?SNDlib' or an Abilene Zhang file starting with 'Node_num:')");
        }
        throw new TopologyFormatException(source, "",
                "unsupported topology format (expected .json, SNDlib .txt/.xml, .graphml or an Abilene Zhang .txt)");
    }

    /** The first non-blank line of a file, trimmed (empty when none). */
    private static String firstContent(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line;
            int read = 0;
            while ((line = in.readLine()) != null && read++ < 50) {
                if (!line.isBlank()) {
                    return line.trim();
                }
            }
            return "";
        } catch (IOException e) {
            throw new TopologyFormatException(file.toString(), "", "cannot read file: " + e.getMessage(), e);
        }
    }

    /** The first 4 KiB of a file as text, to find an XML root element. */
    private static String firstChars(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            char[] buf = new char[4096];
            int n = in.read(buf);
            return n <= 0 ? "" : new String(buf, 0, n);
        } catch (IOException e) {
            throw new TopologyFormatException(file.toString(), "", "cannot read file: " + e.getMessage(), e);
        }
    }

    /** File name without directories and without its last extension (and a trailing {@code .gz}). */
    static String baseName(Path file) {
        String n = file.getFileName().toString();
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
