package io.thalamus.telemetry.opcua;

import io.thalamus.telemetry.sample.SamplePublisher;
import io.thalamus.telemetry.sample.TelemetrySample;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DataChangeTrigger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DeadbandType;
import org.eclipse.milo.opcua.stack.core.types.structured.DataChangeFilter;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

/**
 * Collects interface counters from one or more OPC UA servers that expose network elements the way
 * {@link ElementSimulator} does ({@code Objects/Elements/<node>/<link>/<metric>} and
 * {@code <node>/Sequence}, found by browsing) and publishes them as samples to Kafka.
 * <p>
 * Survives a server restart: Milo's session state machine reconnects by itself; when the new session
 * cannot take over the old subscription (the restarted server never knew it), the subscription and its
 * monitored items are created again. Per variable, a notification whose source time is not newer than
 * the last taken one is a duplicate and is dropped; per element, gaps in {@code Sequence} count the
 * steps the server never delivered. Every monitored item reports on each update (trigger
 * StatusValueTimestamp), so a repeated value is still a sample.
 */
public final class OpcUaCollector implements AutoCloseable {

    private final CollectorSettings settings;
    private final SamplePublisher publisher;
    private final CollectorCounters counters = new CollectorCounters();
    private final List<ServerSession> sessions = new ArrayList<>();
    private final ScheduledExecutorService worker;

    /** A collector of the servers at {@code endpointUrls}, publishing through {@code publisher}; not connected yet. */
    public OpcUaCollector(List<String> endpointUrls, CollectorSettings settings, SamplePublisher publisher) {
        if (endpointUrls.isEmpty()) {
            throw new IllegalArgumentException("at least one OPC UA endpoint is needed");
        }
        this.settings = settings;
        this.publisher = publisher;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "opcua-collector");
            t.setDaemon(true);
            return t;
        });
        for (String url : endpointUrls) {
            sessions.add(new ServerSession(url));
        }
    }

    /** Connects to every server, browses it and subscribes; throws when a server cannot be reached now. */
    public OpcUaCollector start() {
        for (ServerSession s : sessions) {
            s.connect();
        }
        worker.scheduleWithFixedDelay(this::checkSubscriptions, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    public CollectorCounters counters() {
        return counters;
    }

    /** Variables subscribed per server, summed. */
    public int monitoredVariables() {
        int n = 0;
        for (ServerSession s : sessions) {
            n += s.variables.size();
        }
        return n;
    }

    /** Whether every server has a live subscription. */
    public boolean subscribed() {
        for (ServerSession s : sessions) {
            if (!s.live()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The step accounting of one element: first and last {@code Sequence} received, steps received and
     * steps missed in between ({@code last - first + 1 == seen + missed} when nothing is miscounted).
     */
    public record ElementAccount(String element, long firstSequence, long lastSequence, long seen, long missed) {
    }

    /** The account of {@code element} on the first server that reports it, or empty. */
    public Optional<ElementAccount> account(String element) {
        for (ServerSession s : sessions) {
            Long first = s.firstSequence.get(element);
            if (first != null) {
                return Optional.of(new ElementAccount(element, first, s.lastSequence.get(element).get(),
                        s.seenSteps.getOrDefault(element, new AtomicLong()).get(),
                        s.missedSteps.getOrDefault(element, new AtomicLong()).get()));
            }
        }
        return Optional.empty();
    }

    /** Samples of {@code linkId} handed to the publisher, over every server. */
    public long publishedFor(String linkId) {
        long n = 0;
        for (ServerSession s : sessions) {
            for (Variable v : s.variables) {
                if (linkId.equals(v.linkId)) {
                    n += v.published.get();
                }
            }
        }
        return n;
    }

    private void checkSubscriptions() {
        for (ServerSession s : sessions) {
            try {
                s.ensureSubscribed();
            } catch (RuntimeException e) {
                // the server is still away; the session state machine keeps reconnecting
            }
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        for (ServerSession s : sessions) {
            s.close();
        }
    }

    /** One subscribed variable: what it means and the newest source time taken from it. */
    private static final class Variable {
        final String id;
        final String element;
        final String linkId;
        final String metric;
        final AtomicLong lastSourceTime = new AtomicLong(Long.MIN_VALUE);
        final AtomicLong published = new AtomicLong();

        Variable(String id, String element, String linkId, String metric) {
            this.id = id;
            this.element = element;
            this.linkId = linkId;
            this.metric = metric;
        }
    }

    /** The collector's side of one server. */
    private final class ServerSession {
        final String url;
        final List<Variable> variables = new ArrayList<>();
        final Map<String, AtomicLong> lastSequence = new ConcurrentHashMap<>();
        final Map<String, Long> firstSequence = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> seenSteps = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> missedSteps = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> elementSeq = new ConcurrentHashMap<>();
        OpcUaClient client;
        volatile OpcUaSubscription subscription;
        volatile boolean needsResubscribe;
        volatile boolean sessionActive;

        ServerSession(String url) {
            this.url = url;
        }

        void connect() {
            try {
                URI u = URI.create(url);
                client = OpcUaClient.create(url,
                        endpoints -> endpoints.stream()
                                .filter(e -> SecurityPolicy.None.getUri().equals(e.getSecurityPolicyUri()))
                                .findFirst()
                                .map(e -> EndpointUtil.updateUrl(e, u.getHost(), u.getPort())),
                        transport -> { },
                        cfg -> cfg.setApplicationName(LocalizedText.english("Thalamus telemetry collector"))
                                .setApplicationUri("urn:thalamus:telemetry-collector")
                                .setRequestTimeout(uint(10_000))
                                .setKeepAliveInterval(uint(1_000)));
                client.addSessionActivityListener(new SessionActivityListener() {
                    @Override
                    public void onSessionActive(UaSession session) {
                        counters.sessionsActivated.incrementAndGet();
                        sessionActive = true;
                    }

                    @Override
                    public void onSessionInactive(UaSession session) {
                        sessionActive = false;
                    }
                });
                client.connect();
                browse();
                subscribe();
            } catch (UaException e) {
                throw new IllegalStateException("cannot collect from " + url + ": " + e.getMessage(), e);
            }
        }

        private UShort namespaceIndex() throws UaException {
            UShort ns = client.readNamespaceTable().getIndex(ElementNamespace.URI);
            if (ns == null) {
                throw new IllegalStateException(url + " has no namespace " + ElementNamespace.URI + " (not an element server)");
            }
            return ns;
        }

        private void browse() throws UaException {
            UShort ns = namespaceIndex();
            variables.clear();
            for (ReferenceDescription el : client.getAddressSpace().browse(new NodeId(ns, "Elements"))) {
                String element = el.getBrowseName().name();
                for (ReferenceDescription child : client.getAddressSpace().browse(new NodeId(ns, element))) {
                    String name = child.getBrowseName().name();
                    if (name.equals(OpcUaNames.SEQUENCE)) {
                        variables.add(new Variable(element + "/" + OpcUaNames.SEQUENCE, element, null, OpcUaNames.SEQUENCE));
                        continue;
                    }
                    String linkId = name;
                    for (ReferenceDescription v : client.getAddressSpace().browse(new NodeId(ns, element + "/" + linkId))) {
                        String metric = v.getBrowseName().name();
                        if (settings.metrics().contains(metric)) {
                            variables.add(new Variable(element + "/" + linkId + "/" + metric, element, linkId, metric));
                        }
                    }
                }
            }
            if (variables.isEmpty()) {
                throw new IllegalStateException(url + " exposes no element variables under Objects/Elements");
            }
        }

        private synchronized void subscribe() throws UaException {
            UShort ns = namespaceIndex();
            OpcUaSubscription sub = new OpcUaSubscription(client, settings.publishingIntervalMs());
            sub.setSubscriptionListener(new OpcUaSubscription.SubscriptionListener() {
                @Override
                public void onDataReceived(OpcUaSubscription s, List<OpcUaMonitoredItem> items, List<DataValue> values) {
                    for (int i = 0; i < items.size(); i++) {
                        Optional<Object> v = items.get(i).getUserObject();
                        if (v.isPresent()) {
                            take((Variable) v.get(), values.get(i));
                        }
                    }
                }

                @Override
                public void onTransferFailed(OpcUaSubscription s, StatusCode status) {
                    needsResubscribe = true;
                    worker.execute(OpcUaCollector.this::checkSubscriptions);
                }

                @Override
                public void onStatusChanged(OpcUaSubscription s, StatusCode status) {
                    if (status.isBad()) {
                        needsResubscribe = true;
                    }
                }
            });
            sub.create();
            List<OpcUaMonitoredItem> items = new ArrayList<>(variables.size());
            DataChangeFilter filter = new DataChangeFilter(DataChangeTrigger.StatusValueTimestamp, uint(DeadbandType.None.getValue()), 0.0);
            for (Variable v : variables) {
                OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(new NodeId(ns, v.id));
                item.setSamplingInterval(settings.samplingIntervalMs());
                item.setQueueSize(uint(settings.queueSize()));
                item.setDiscardOldest(true);
                item.setFilter(filter);
                item.setUserObject(v);
                items.add(item);
            }
            sub.addMonitoredItems(items);
            sub.synchronizeMonitoredItems();
            subscription = sub;
            needsResubscribe = false;
        }

        boolean live() {
            OpcUaSubscription s = subscription;
            return sessionActive && s != null && !needsResubscribe && s.getSubscriptionId().isPresent();
        }

        synchronized void ensureSubscribed() {
            if (!sessionActive || !needsResubscribe) {
                return;
            }
            OpcUaSubscription old = subscription;
            subscription = null;
            if (old != null) {
                try {
                    old.delete();
                } catch (UaException | RuntimeException e) {
                    // the server that held it is gone
                }
            }
            try {
                subscribe();
                counters.resubscriptions.incrementAndGet();
            } catch (UaException e) {
                needsResubscribe = true;
                throw new IllegalStateException("resubscribing to " + url + " failed: " + e.getMessage(), e);
            }
        }

        private void take(Variable v, DataValue dv) {
            counters.notifications.incrementAndGet();
            StatusCode status = dv.getStatusCode();
            if (status != null && status.isOverflowSet()) {
                counters.overflows.incrementAndGet();
            }
            if (status != null && status.isBad()) {
                counters.bad.incrementAndGet();
                return;
            }
            long ts = dv.getSourceTime() != null && dv.getSourceTime().isValid()
                    ? dv.getSourceTime().getJavaTime() : System.currentTimeMillis();
            long prev = v.lastSourceTime.get();
            if (ts <= prev || !v.lastSourceTime.compareAndSet(prev, ts)) {
                counters.duplicates.incrementAndGet();
                return;
            }
            Object value = dv.getValue() == null ? null : dv.getValue().getValue();
            if (!(value instanceof Number num)) {
                counters.bad.incrementAndGet();
                return;
            }
            if (v.metric.equals(OpcUaNames.SEQUENCE)) {
                long seq = num.longValue();
                AtomicLong last = lastSequence.computeIfAbsent(v.element, k -> new AtomicLong(0));
                long before = last.getAndSet(seq);
                firstSequence.putIfAbsent(v.element, seq);
                if (before > 0 && seq > before + 1) {
                    counters.stepsMissed.addAndGet(seq - before - 1);
                    missedSteps.computeIfAbsent(v.element, k -> new AtomicLong()).addAndGet(seq - before - 1);
                }
                counters.stepsSeen.incrementAndGet();
                seenSteps.computeIfAbsent(v.element, k -> new AtomicLong()).incrementAndGet();
                return;
            }
            long seq = elementSeq.computeIfAbsent(v.element, k -> new AtomicLong()).incrementAndGet();
            TelemetrySample s = v.metric.equals(OpcUaNames.LOAD)
                    ? TelemetrySample.linkLoad(v.element, v.linkId, num.doubleValue(), ts, seq)
                    : new TelemetrySample(v.element, TelemetrySample.UTILIZATION, v.linkId, null, num.doubleValue(),
                    TelemetrySample.RATIO, ts, seq);
            if (publisher.offer(s)) {
                counters.published.incrementAndGet();
                v.published.incrementAndGet();
            } else {
                counters.publisherDrops.incrementAndGet();
            }
        }

        void close() {
            if (client != null) {
                try {
                    client.disconnect();
                } catch (UaException | RuntimeException e) {
                    // already gone
                }
            }
        }
    }
}
