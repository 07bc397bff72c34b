package io.thalamus.onos;

import org.onlab.packet.Ethernet;
import org.onlab.packet.IpAddress;
import org.onlab.packet.IpPrefix;
import org.onosproject.core.ApplicationId;
import org.onosproject.core.CoreService;
import org.onosproject.net.Device;
import org.onosproject.net.DeviceId;
import org.onosproject.net.Link;
import org.onosproject.net.PortNumber;
import org.onosproject.net.device.DeviceService;
import org.onosproject.net.flow.DefaultFlowRule;
import org.onosproject.net.flow.DefaultTrafficSelector;
import org.onosproject.net.flow.DefaultTrafficTreatment;
import org.onosproject.net.flow.FlowRule;
import org.onosproject.net.flow.FlowRuleService;
import org.onosproject.net.flow.TrafficSelector;
import org.onosproject.net.link.LinkService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static io.thalamus.onos.OsgiPropertyConstants.POLL_SECONDS;
import static io.thalamus.onos.OsgiPropertyConstants.POLL_SECONDS_DEFAULT;
import static io.thalamus.onos.OsgiPropertyConstants.THALAMUS_URL;
import static io.thalamus.onos.OsgiPropertyConstants.THALAMUS_URL_DEFAULT;

/**
 * The Thalamus bridge inside ONOS: on activation it registers with {@link CoreService}, reports ONOS's devices
 * and active links to Thalamus, fetches Thalamus's admission and routing decisions and installs them as
 * permanent flow rules with {@link FlowRuleService}; it repeats that every {@code pollSeconds}, adding rules
 * Thalamus wants and removing those it no longer wants. On deactivation it removes every rule of its
 * application id.
 */
@Component(immediate = true, property = {
    THALAMUS_URL + "=" + THALAMUS_URL_DEFAULT,
    POLL_SECONDS + ":Integer=" + POLL_SECONDS_DEFAULT,
})
public class ThalamusBridge {

    /** The application name registered with ONOS. */
    static final String APP_NAME = "io.thalamus.onos";

    private final Logger log = LoggerFactory.getLogger(getClass());

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected CoreService coreService;

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected DeviceService deviceService;

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected LinkService linkService;

    @Reference(cardinality = ReferenceCardinality.MANDATORY)
    protected FlowRuleService flowRuleService;

    /** Base URL of the Thalamus REST API. */
    private String thalamusUrl = THALAMUS_URL_DEFAULT;

    /** Seconds between syncs with Thalamus; 0 syncs only at activation. */
    private int pollSeconds = POLL_SECONDS_DEFAULT;

    /** Where decisions come from; built from {@code thalamusUrl} unless a test set one. */
    protected ThalamusClient client;

    private ApplicationId appId;
    private ScheduledExecutorService poller;
    private final Map<String, FlowRule> installed = new LinkedHashMap<>();

    @Activate
    protected void activate(Map<String, Object> properties) {
        appId = coreService.registerApplication(APP_NAME);
        Object url = properties == null ? null : properties.get(THALAMUS_URL);
        thalamusUrl = url == null ? THALAMUS_URL_DEFAULT : url.toString();
        pollSeconds = intProperty(properties, POLL_SECONDS, POLL_SECONDS_DEFAULT);
        if (client == null) {
            client = new HttpThalamusClient(URI.create(thalamusUrl), Duration.ofSeconds(5));
        }
        syncQuietly();
        int poll = pollSeconds;
        if (poll > 0) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "thalamus-bridge");
                t.setDaemon(true);
                return t;
            });
            poller.scheduleWithFixedDelay(this::syncQuietly, poll, poll, TimeUnit.SECONDS);
        }
        log.info("Thalamus bridge started as {}", appId);
    }

    @Deactivate
    protected void deactivate() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
        synchronized (this) {
            flowRuleService.removeFlowRulesById(appId);
            installed.clear();
        }
        log.info("Thalamus bridge stopped; its flow rules are removed");
    }

    private static int intProperty(Map<String, Object> properties, String name, int fallback) {
        Object v = properties == null ? null : properties.get(name);
        if (v == null) {
            return fallback;
        }
        return v instanceof Number ? ((Number) v).intValue() : Integer.parseInt(v.toString().trim());
    }

    private void syncQuietly() {
        try {
            sync();
        } catch (RuntimeException e) {
            log.warn("Thalamus sync failed: {}", e.getMessage());
        }
    }

    /**
     * Reports the topology, fetches decisions and brings this app's flow rules in line with them.
     *
     * @return the number of rules now installed
     */
    protected synchronized int sync() {
        List<String> devices = new ArrayList<>();
        for (Device d : deviceService.getAvailableDevices()) {
            devices.add(d.id().toString());
        }
        List<String> links = new ArrayList<>();
        for (Link l : linkService.getActiveLinks()) {
            links.add(l.src().deviceId() + "/" + l.src().port().toLong() + "-" + l.dst().deviceId() + "/"
                    + l.dst().port().toLong());
        }
        client.reportTopology(devices, links);

        Map<String, FlowRule> wanted = new LinkedHashMap<>();
        for (PathDecision d : client.decisions()) {
            wanted.put(key(d), rule(d));
        }
        List<FlowRule> add = new ArrayList<>();
        wanted.forEach((k, r) -> {
            if (!installed.containsKey(k)) {
                add.add(r);
            }
        });
        List<FlowRule> remove = new ArrayList<>();
        installed.forEach((k, r) -> {
            if (!wanted.containsKey(k)) {
                remove.add(r);
            }
        });
        if (!add.isEmpty()) {
            flowRuleService.applyFlowRules(add.toArray(new FlowRule[0]));
        }
        if (!remove.isEmpty()) {
            flowRuleService.removeFlowRules(remove.toArray(new FlowRule[0]));
        }
        installed.clear();
        installed.putAll(wanted);
        return installed.size();
    }

    private static String key(PathDecision d) {
        return d.deviceId() + "|" + d.priority() + "|" + d.ipv4Src() + "|" + d.ipv4Dst() + "|" + d.outPort();
    }

    private FlowRule rule(PathDecision d) {
        TrafficSelector.Builder selector = DefaultTrafficSelector.builder().matchEthType(Ethernet.TYPE_IPV4);
        if (d.ipv4Src() != null) {
            selector.matchIPSrc(IpPrefix.valueOf(IpAddress.valueOf(d.ipv4Src()), 32));
        }
        selector.matchIPDst(IpPrefix.valueOf(IpAddress.valueOf(d.ipv4Dst()), 32));
        return DefaultFlowRule.builder()
                .forDevice(DeviceId.deviceId(d.deviceId()))
                .withSelector(selector.build())
                .withTreatment(DefaultTrafficTreatment.builder().setOutput(PortNumber.portNumber(d.outPort())).build())
                .withPriority(d.priority())
                .fromApp(appId)
                .makePermanent()
                .build();
    }

    /** This app's id, once activated. */
    protected ApplicationId appId() {
        return appId;
    }
}
