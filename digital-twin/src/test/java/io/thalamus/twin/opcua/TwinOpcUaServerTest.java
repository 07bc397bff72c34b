package io.thalamus.twin.opcua;

import io.thalamus.network.flow.Flow;
import io.thalamus.twin.TestNetworks;
import io.thalamus.twin.core.NetworkTwin;
import io.thalamus.twin.scenario.ScenarioJson;
import io.thalamus.twin.scenario.WhatIf;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class TwinOpcUaServerTest {

    @Test
    void clientReadsLinkUtilisationAndReceivesTheChangeAfterAWhatIfIsApplied() throws Exception {
        NetworkTwin twin = new NetworkTwin(TestNetworks.square(), List.of(
                Flow.of("ac", "A", "C", 2e6, 0), Flow.of("de", "D", "E", 1e6, 0)));
        try (TwinOpcUaServer server = TwinOpcUaServer.start(twin, 0)) {
            OpcUaClient client = OpcUaClient.create(server.endpointUrl());
            client.connect();
            try {
                NodeId util = server.linkVariable("DA:A-D", "Utilisation");
                DataValue v = client.readValue(0, TimestampsToReturn.Both, util);
                assertEquals(0.0, (Double) v.getValue().getValue(), 1e-12, "A-D carries nothing while A-B is up");
                DataValue up = client.readValue(0, TimestampsToReturn.Both, server.linkVariable("AB:A-B", "Up"));
                assertEquals(Boolean.TRUE, up.getValue().getValue());

                BlockingQueue<Double> seen = new LinkedBlockingQueue<>();
                OpcUaSubscription subscription = new OpcUaSubscription(client, 50.0);
                subscription.create();
                OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(util);
                item.setSamplingInterval(20.0);
                item.setDataValueListener((i, dv) -> seen.add((Double) dv.getValue().getValue()));
                subscription.addMonitoredItem(item);
                subscription.synchronizeMonitoredItems();
                assertEquals(0.0, seen.poll(10, TimeUnit.SECONDS), 1e-12, "initial value");

                WhatIf.apply(twin, ScenarioJson.parse("{\"type\":\"link-down\",\"link\":\"AB\"}",
                        twin.topology(), twin.model().flows()));
                Double changed = seen.poll(10, TimeUnit.SECONDS);
                assertNotNull(changed, "no change notification within 10 s");
                // ac (2 Mbit/s) now goes A-D-C over the 10 Mbit/s link.
                assertEquals(0.2, changed, 1e-12);
                DataValue down = client.readValue(0, TimestampsToReturn.Both, server.linkVariable("AB:A-B", "Up"));
                assertEquals(Boolean.FALSE, down.getValue().getValue());
                DataValue nodeLoad = client.readValue(0, TimestampsToReturn.Both, server.nodeVariable("A", "LoadBps"));
                assertEquals(2e6, (Double) nodeLoad.getValue().getValue(), 1e-6);
                subscription.delete();
            } finally {
                client.disconnect();
            }
        }
    }
}
