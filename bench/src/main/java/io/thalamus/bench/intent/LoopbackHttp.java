package io.thalamus.bench.intent;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A deliberately small HTTP/1.1 client for the load generator: a fixed pool of keep-alive connections, each
 * used by one thread at a time with blocking reads and writes. It costs the load generator a few tens of
 * microseconds of CPU per request (the JDK's asynchronous client costs about a millisecond), so on a shared
 * 2-core machine the CPU goes to the server being measured.
 */
final class LoopbackHttp implements AutoCloseable {

    /** One response: status, the Location header (or null) and the body. */
    record Reply(int status, String location, String body) {
    }

    private final String host;
    private final int port;
    private final BlockingQueue<Connection> idle;

    LoopbackHttp(String host, int port, int connections) {
        this.host = host;
        this.port = port;
        this.idle = new ArrayBlockingQueue<>(connections);
        for (int i = 0; i < connections; i++) {
            idle.add(new Connection());
        }
    }

    /** Sends one request on a pooled connection (waiting for one to be free) and reads the whole response. */
    Reply send(String method, String path, String jsonBody) {
        Connection c;
        try {
            c = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try {
            return c.exchange(method, path, jsonBody);
        } catch (IOException e) {
            c.close();
            try {
                return c.exchange(method, path, jsonBody);
            } catch (IOException again) {
                c.close();
                throw new UncheckedIOException(again);
            }
        } finally {
            idle.add(c);
        }
    }

    @Override
    public void close() {
        idle.forEach(Connection::close);
    }

    private final class Connection {
        private Socket socket;
        private OutputStream out;
        private InputStream in;

        Reply exchange(String method, String path, String body) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(host, port), 5000);
                socket.setSoTimeout(60_000);
                out = socket.getOutputStream();
                in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            }
            byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(160).append(method).append(' ').append(path)
                    .append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port).append("\r\n");
            if (body != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(payload.length).append("\r\n");
            }
            head.append("\r\n");
            byte[] h = head.toString().getBytes(StandardCharsets.US_ASCII);
            byte[] all = new byte[h.length + payload.length];
            System.arraycopy(h, 0, all, 0, h.length);
            System.arraycopy(payload, 0, all, h.length, payload.length);
            out.write(all);
            out.flush();
            String status = line();
            if (status == null) {
                throw new IOException("connection closed by the server");
            }
            int code = Integer.parseInt(status.substring(9, 12));
            int length = -1;
            String location = null;
            boolean close = false;
            for (String l = line(); l != null && !l.isEmpty(); l = line()) {
                int colon = l.indexOf(':');
                String name = l.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = l.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Integer.parseInt(value);
                    case "location" -> location = value;
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> {
                    }
                }
            }
            if (length < 0) {
                throw new IOException("response without content-length");
            }
            byte[] b = in.readNBytes(length);
            if (close) {
                close();
            }
            return new Reply(code, location, new String(b, StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            ByteArrayOutputStream buf = new ByteArrayOutputStream(64);
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int n = buf.size();
                    byte[] bytes = buf.toByteArray();
                    return new String(bytes, 0, n > 0 && bytes[n - 1] == '\r' ? n - 1 : n, StandardCharsets.US_ASCII);
                }
                buf.write(c);
            }
            return buf.size() == 0 ? null : buf.toString(StandardCharsets.US_ASCII);
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            socket = null;
        }
    }
}
