package io.thalamus.models.registry;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes a minimal ONNX model by hand (protobuf wire format): Y = X + X over a float vector of length 3. */
final class TinyOnnx {

    private TinyOnnx() {
    }

    static byte[] doubling() {
        byte[] dim = message(varintField(1, 3));
        byte[] shape = message(bytesField(1, dim));
        byte[] tensorType = concat(varintField(1, 1), bytesField(2, shape));
        byte[] type = bytesField(1, tensorType);
        byte[] x = concat(stringField(1, "X"), bytesField(2, type));
        byte[] y = concat(stringField(1, "Y"), bytesField(2, type));
        byte[] node = concat(stringField(1, "X"), stringField(1, "X"), stringField(2, "Y"), stringField(3, "add"),
                stringField(4, "Add"));
        byte[] graph = concat(bytesField(1, node), stringField(2, "g"), bytesField(11, x), bytesField(12, y));
        byte[] opset = concat(stringField(1, ""), varintField(2, 13));
        return concat(varintField(1, 8), bytesField(7, graph), bytesField(8, opset));
    }

    private static byte[] message(byte[] b) {
        return b;
    }

    private static byte[] varintField(int field, long v) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        varint(o, (long) field << 3);
        varint(o, v);
        return o.toByteArray();
    }

    private static byte[] stringField(int field, String s) {
        return bytesField(field, s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytesField(int field, byte[] b) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        varint(o, ((long) field << 3) | 2);
        varint(o, b.length);
        o.writeBytes(b);
        return o.toByteArray();
    }

    private static void varint(ByteArrayOutputStream o, long v) {
        while ((v & ~0x7FL) != 0) {
            o.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        o.write((int) v);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }
}
