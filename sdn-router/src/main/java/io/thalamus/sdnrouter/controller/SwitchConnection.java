package io.thalamus.sdnrouter.controller;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.projectfloodlight.openflow.exceptions.OFParseError;
import org.projectfloodlight.openflow.protocol.OFErrorMsg;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFMessageReader;
import org.projectfloodlight.openflow.protocol.OFStatsReply;
import org.projectfloodlight.openflow.protocol.OFStatsReplyFlags;
import org.projectfloodlight.openflow.protocol.OFType;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One switch's OpenFlow channel: framing over a blocking socket (the 8-byte header carries the length),
 * transaction ids, request/reply correlation (multipart replies are gathered until the last part), and
 * errors kept by the xid they answer so a barrier can tell which FLOW_MODs failed.
 */
final class SwitchConnection implements AutoCloseable {

    private static final OFMessageReader<OFMessage> READER = OFFactories.getGenericReader();
    private static final int MAX_MESSAGE = 65535;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final AtomicLong xids = new AtomicLong(1);
    private final Map<Long, CompletableFuture<OFMessage>> pending = new ConcurrentHashMap<>();
    private final Map<Long, Multipart> multipart = new ConcurrentHashMap<>();
    private final Map<Long, OFErrorMsg> errors = new ConcurrentHashMap<>();
    private volatile long dpid = -1;
    private volatile boolean closed;
    private volatile long lastHeardNanos = System.nanoTime();

    private record Multipart(List<OFStatsReply> parts, CompletableFuture<List<OFStatsReply>> done) {
    }

    SwitchConnection(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream(), 1 << 16));
        this.out = new java.io.BufferedOutputStream(socket.getOutputStream(), 1 << 16);
    }

    long dpid() {
        return dpid;
    }

    void dpid(long id) {
        this.dpid = id;
    }

    boolean isOpen() {
        return !closed && !socket.isClosed();
    }

    String remote() {
        return String.valueOf(socket.getRemoteSocketAddress());
    }

    /** Nanoseconds since the switch last sent anything. */
    long silentNanos() {
        return System.nanoTime() - lastHeardNanos;
    }

    long nextXid() {
        return xids.getAndIncrement();
    }

    /** Writes messages back to back and flushes once. */
    void send(List<? extends OFMessage> messages) {
        ByteBuf buf = Unpooled.buffer(128 * messages.size());
        try {
            for (OFMessage m : messages) {
                m.writeTo(buf);
            }
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            synchronized (out) {
                out.write(bytes);
                out.flush();
            }
        } catch (IOException e) {
            close();
            throw new java.io.UncheckedIOException("switch " + describe() + ": send failed", e);
        } finally {
            buf.release();
        }
    }

    void send(OFMessage message) {
        send(List.of(message));
    }

    /** Sends a request whose answer is one message with the same xid (barrier, echo, features). */
    OFMessage request(OFMessage message, Duration timeout) throws TimeoutException {
        return requestAfter(List.of(), message, timeout);
    }

    /**
     * Writes {@code before} and then {@code request} in one burst, and waits for the reply to
     * {@code request} (a barrier after FLOW_MODs: its reply means the switch processed them all).
     */
    OFMessage requestAfter(List<? extends OFMessage> before, OFMessage request, Duration timeout) throws TimeoutException {
        CompletableFuture<OFMessage> f = new CompletableFuture<>();
        pending.put(request.getXid(), f);
        try {
            List<OFMessage> all = new ArrayList<>(before.size() + 1);
            all.addAll(before);
            all.add(request);
            send(all);
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for switch " + describe(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("switch " + describe() + ": " + e.getCause().getMessage(), e.getCause());
        } finally {
            pending.remove(request.getXid());
        }
    }

    /** Sends a multipart request and gathers every reply part. */
    List<OFStatsReply> multipartRequest(OFMessage message, Duration timeout) throws TimeoutException {
        Multipart m = new Multipart(new ArrayList<>(), new CompletableFuture<>());
        multipart.put(message.getXid(), m);
        try {
            send(message);
            return m.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for switch " + describe(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("switch " + describe() + ": " + e.getCause().getMessage(), e.getCause());
        } finally {
            multipart.remove(message.getXid());
        }
    }

    /** Removes and returns the error the switch sent for {@code xid}, if any. */
    OFErrorMsg takeError(long xid) {
        return errors.remove(xid);
    }

    /**
     * Reads messages until the socket closes; replies complete their requests, everything else goes
     * to {@code unsolicited}.
     */
    void readLoop(Consumer<OFMessage> unsolicited) {
        byte[] header = new byte[8];
        try {
            while (!closed) {
                in.readFully(header);
                int length = ((header[2] & 0xff) << 8) | (header[3] & 0xff);
                if (length < 8 || length > MAX_MESSAGE) {
                    throw new IOException("bad OpenFlow length " + length);
                }
                byte[] frame = new byte[length];
                System.arraycopy(header, 0, frame, 0, 8);
                in.readFully(frame, 8, length - 8);
                OFMessage msg;
                try {
                    msg = READER.readFrom(Unpooled.wrappedBuffer(frame));
                } catch (OFParseError e) {
                    continue; // a message type we do not model; the channel stays usable
                }
                if (msg == null) {
                    continue;
                }
                lastHeardNanos = System.nanoTime();
                dispatch(msg, unsolicited);
            }
        } catch (EOFException | java.net.SocketException e) {
            // switch went away or we closed
        } catch (IOException e) {
            // treated like a disconnect
        } finally {
            close();
        }
    }

    private void dispatch(OFMessage msg, Consumer<OFMessage> unsolicited) {
        long xid = msg.getXid();
        if (msg.getType() == OFType.STATS_REPLY) {
            Multipart m = multipart.get(xid);
            if (m != null) {
                OFStatsReply r = (OFStatsReply) msg;
                m.parts().add(r);
                if (!r.getFlags().contains(OFStatsReplyFlags.REPLY_MORE)) {
                    m.done().complete(List.copyOf(m.parts()));
                }
                return;
            }
        }
        if (msg.getType() == OFType.ERROR) {
            OFErrorMsg err = (OFErrorMsg) msg;
            CompletableFuture<OFMessage> f = pending.get(xid);
            Multipart m = multipart.get(xid);
            if (f != null) {
                f.completeExceptionally(new IllegalStateException("OpenFlow error " + err.getErrType()));
            } else if (m != null) {
                m.done().completeExceptionally(new IllegalStateException("OpenFlow error " + err.getErrType()));
            } else {
                errors.put(xid, err);
            }
            return;
        }
        CompletableFuture<OFMessage> f = pending.get(xid);
        if (f != null && isReplyType(msg.getType())) {
            f.complete(msg);
            return;
        }
        unsolicited.accept(msg);
    }

    private static boolean isReplyType(OFType t) {
        return t == OFType.BARRIER_REPLY || t == OFType.ECHO_REPLY || t == OFType.FEATURES_REPLY
                || t == OFType.GET_CONFIG_REPLY || t == OFType.ROLE_REPLY;
    }

    String describe() {
        return dpid < 0 ? remote() : String.format("%016x", dpid);
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
        IllegalStateException gone = new IllegalStateException("switch " + describe() + " disconnected");
        pending.values().forEach(f -> f.completeExceptionally(gone));
        multipart.values().forEach(m -> m.done().completeExceptionally(gone));
    }
}
