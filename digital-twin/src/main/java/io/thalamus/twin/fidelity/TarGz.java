package io.thalamus.twin.fidelity;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A minimal reader of gzip-compressed tar archives (POSIX ustar and GNU long names): enough to read the
 * RouteNet sample archives without a dependency. Only regular files are returned.
 */
public final class TarGz {

    private static final int BLOCK = 512;

    private TarGz() {
    }

    /** Every regular file of the archive whose name ends with one of {@code suffixes}, by entry name. */
    public static Map<String, byte[]> read(Path archive, String... suffixes) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)), 1 << 16)) {
            byte[] header = new byte[BLOCK];
            String longName = null;
            while (readFully(in, header)) {
                if (isZero(header)) {
                    break;
                }
                String name = longName != null ? longName : field(header, 0, 100);
                longName = null;
                String prefix = field(header, 345, 155);
                if (!prefix.isEmpty() && header[257] == 'u') {
                    name = prefix + "/" + name;
                }
                long size = octal(header, 124, 12, archive);
                byte type = header[156];
                byte[] data = null;
                boolean wanted = (type == '0' || type == 0) && matches(name, suffixes);
                if (wanted || type == 'L') {
                    if (size > Integer.MAX_VALUE - 16) {
                        throw new IOException(archive + ": entry " + name + " too large (" + size + " bytes)");
                    }
                    data = new byte[(int) size];
                    if (!readFully(in, data)) {
                        throw new IOException(archive + ": truncated entry " + name);
                    }
                    skip(in, pad(size));
                } else {
                    skip(in, size + pad(size));
                }
                if (type == 'L') {
                    longName = new String(data, StandardCharsets.UTF_8).replace("\0", "");
                } else if (wanted) {
                    out.put(name, data);
                }
            }
        }
        return out;
    }

    private static boolean matches(String name, String[] suffixes) {
        if (suffixes.length == 0) {
            return true;
        }
        for (String s : suffixes) {
            if (name.endsWith(s)) {
                return true;
            }
        }
        return false;
    }

    private static long pad(long size) {
        long r = size % BLOCK;
        return r == 0 ? 0 : BLOCK - r;
    }

    private static String field(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] h, int off, int len, Path archive) throws IOException {
        String s = field(h, off, len).trim();
        if (s.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(s, 8);
        } catch (NumberFormatException e) {
            throw new IOException(archive + ": bad tar header size field '" + s + "'", e);
        }
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean readFully(InputStream in, byte[] buf) throws IOException {
        int off = 0;
        while (off < buf.length) {
            int r = in.read(buf, off, buf.length - off);
            if (r < 0) {
                if (off == 0) {
                    return false;
                }
                throw new IOException("unexpected end of tar stream");
            }
            off += r;
        }
        return true;
    }

    private static void skip(InputStream in, long n) throws IOException {
        long left = n;
        byte[] buf = new byte[8192];
        while (left > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                throw new IOException("unexpected end of tar stream");
            }
            left -= r;
        }
    }
}
