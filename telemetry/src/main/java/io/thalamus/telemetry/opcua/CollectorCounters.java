package io.thalamus.telemetry.opcua;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the OPC UA collector saw, so every sample is accounted for: notifications received, duplicates
 * dropped (same or older source time than the last one of that variable, e.g. the initial value after a
 * resubscription), samples handed to Kafka and refused by the bounded publisher, overflow flags set by
 * the server (its item queue discarded values), element steps seen and steps missed (gaps in an
 * element's {@code Sequence}: values the server dropped or never served while down or unsubscribed),
 * reconnects and resubscriptions.
 */
public final class CollectorCounters {

    final AtomicLong notifications = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong published = new AtomicLong();
    final AtomicLong publisherDrops = new AtomicLong();
    final AtomicLong overflows = new AtomicLong();
    final AtomicLong stepsSeen = new AtomicLong();
    final AtomicLong stepsMissed = new AtomicLong();
    final AtomicLong sessionsActivated = new AtomicLong();
    final AtomicLong resubscriptions = new AtomicLong();
    final AtomicLong bad = new AtomicLong();

    /** Data change notifications received. */
    public long notifications() {
        return notifications.get();
    }

    /** Notifications dropped as repeats of a value already taken. */
    public long duplicates() {
        return duplicates.get();
    }

    /** Samples handed to the publisher and accepted by its queue. */
    public long published() {
        return published.get();
    }

    /** Samples the publisher's full queue refused. */
    public long publisherDrops() {
        return publisherDrops.get();
    }

    /** Notifications carrying the server's overflow bit (its item queue discarded values before it). */
    public long overflows() {
        return overflows.get();
    }

    /** Element steps (Sequence values) received. */
    public long stepsSeen() {
        return stepsSeen.get();
    }

    /** Element steps skipped between two received Sequence values. */
    public long stepsMissed() {
        return stepsMissed.get();
    }

    /** Sessions activated (1 at first connect, +1 per reconnect). */
    public long sessionsActivated() {
        return sessionsActivated.get();
    }

    /** Subscriptions created again after a server lost them. */
    public long resubscriptions() {
        return resubscriptions.get();
    }

    /** Notifications with a bad status or an unreadable value. */
    public long bad() {
        return bad.get();
    }

    @Override
    public String toString() {
        return "notifications=" + notifications() + " duplicates=" + duplicates() + " published=" + published()
                + " publisherDrops=" + publisherDrops() + " overflows=" + overflows() + " stepsSeen=" + stepsSeen()
                + " stepsMissed=" + stepsMissed() + " sessions=" + sessionsActivated() + " resubscriptions="
                + resubscriptions() + " bad=" + bad();
    }
}
