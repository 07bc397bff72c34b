package io.thalamus.deploy.cli;

import io.thalamus.network.builtin.BuiltinTopologies;
import io.thalamus.sdnrouter.controller.LabNetwork;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code thalamus lab} commands against a lab daemon (run in this JVM, so the test needs no packaged
 * jar) on a real Open vSwitch lab; the argument checks run everywhere.
 */
class LabCommandTest {


    @Test
    void commandsWithoutALabSayHowToStartOne(@TempDir Path dir) {
        CliRun r = CliRun.run("lab", "ping", "--state-dir", dir.toString(), "ATLA", "CHIN");
        assertThat(r.code()).isEqualTo(ThalamusCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("no lab is up").contains("lab up");
        CliRun down = CliRun.run("lab", "down", "--state-dir", dir.toString());
        assertThat(down.code()).isZero();
        assertThat(down.out()).contains("no lab to remove");
    }

    @Test
    void installNeedsExactlyOneSource(@TempDir Path dir) {
        CliRun r = CliRun.run("lab", "install", "--state-dir", dir.toString(), "--policy", "shortest", "--flows-from-demands");
        assertThat(r.code()).isEqualTo(ThalamusCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("exactly one of --policy");
    }

    @Test
    void upRejectsABadRateScaleBeforeMakingAnything(@TempDir Path dir) {
        CliRun r = CliRun.run("lab", "up", "--state-dir", dir.toString(), "--rate-scale", "0.5");
        assertThat(r.code()).isEqualTo(ThalamusCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("rate-scale must be a finite number >= 1");
        assertThat(dir.resolve(LabDaemon.STATE_FILE)).doesNotExist();
    }

    @Test
    void installPingCutRestoreStatusAndDownThroughTheDaemon(@TempDir Path dir) throws Exception {
        LabNetwork.testSkipReason().ifPresent(reason -> Assumptions.abort("Open vSwitch lab unavailable: " + reason));
        LabDaemon daemon = LabDaemon.start(BuiltinTopologies.abilene(), null, "tjc", 1000, 0, dir);
        try {
            String d = dir.toString();
            CliRun noRules = CliRun.run("lab", "ping", "--state-dir", d, "STTL", "WASH", "--count", "1");
            assertThat(noRules.code()).as("no rules yet: nothing gets through").isEqualTo(1);

            CliRun install = CliRun.run("lab", "install", "--state-dir", d, "--policy", "shortest");
            assertThat(install.code()).isZero();
            assertThat(install.out()).contains("121 rules"); // 11 host rules + 11 x 10 destinations

            assertThat(CliRun.run("lab", "ping", "--state-dir", d, "STTL", "WASH", "--count", "2").code()).isZero();

            Path flows = dir.resolve("flows.json");
            Files.writeString(flows, "{\"format\":\"thalamus-flows\",\"version\":1,\"flows\":["
                    + "{\"id\":\"a\",\"source\":\"STTL\",\"destination\":\"KSCY\",\"bandwidthBps\":6e9,\"priority\":1},"
                    + "{\"id\":\"b\",\"source\":\"SNVA\",\"destination\":\"KSCY\",\"bandwidthBps\":6e9,\"priority\":0}]}");
            CliRun admitted = CliRun.run("lab", "install", "--state-dir", d, "--flows", flows.toString(), "--solver", "greedy");
            assertThat(admitted.code()).as(admitted.err()).isZero();
            assertThat(admitted.out()).contains("admitted 2 of 2 flows");
            assertThat(CliRun.run("lab", "ping", "--state-dir", d, "SNVA", "KSCY", "--count", "2").code()).isZero();
            assertThat(CliRun.run("lab", "status", "--state-dir", d).out()).contains("policy: shortest, flows: 2");

            CliRun cut = CliRun.run("lab", "cut", "--state-dir", d, "CHIN-NYCM");
            assertThat(cut.code()).isZero();
            assertThat(cut.out()).contains("controller saw it").contains("re-planned");
            assertThat(CliRun.run("lab", "ping", "--state-dir", d, "CHIN", "NYCM", "--count", "2").code())
                    .as("CHIN reaches NYCM around the cut cable").isZero();
            assertThat(CliRun.run("lab", "restore", "--state-dir", d, "CHIN-NYCM").out()).contains("restored CHIN-NYCM");

            CliRun badLink = CliRun.run("lab", "cut", "--state-dir", d, "NOPE-LINK");
            assertThat(badLink.code()).isEqualTo(ThalamusCli.EXIT_BAD_INPUT);
            assertThat(badLink.err()).contains("unknown link 'NOPE-LINK'");

            CliRun status = CliRun.run("lab", "status", "--state-dir", d);
            assertThat(status.out()).contains("bridges    11/11").contains("switches connected: 11/11")
                    .contains("policy: shortest");

            CliRun down = CliRun.run("lab", "down", "--state-dir", d);
            assertThat(down.code()).isZero();
            assertThat(Files.exists(dir.resolve(LabDaemon.STATE_FILE))).isFalse();
            assertThat(LabNetwork.status(dir.resolve(LabDaemon.STATE_FILE)).strays()).noneMatch(s -> s.contains("tjc"));
            assertThat(CliRun.run("lab", "down", "--state-dir", d).out()).contains("no lab to remove");
        } finally {
            daemon.close();
            LabNetwork.down(dir.resolve(LabDaemon.STATE_FILE));
        }
    }
}
