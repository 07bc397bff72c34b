package io.thalamus.intent.execution;

import io.thalamus.network.builtin.BuiltinTopologies;
import io.thalamus.network.path.Path;
import io.thalamus.network.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Candidate paths are computed once per endpoint pair and topology, and again when the topology changes. */
class CandidatePathsTest {

    @Test
    void samePairOnTheSameTopologyIsComputedOnceAndALostLinkIsSeen() {
        Topology abilene = BuiltinTopologies.abilene();
        CandidatePaths cache = new CandidatePaths();
        List<Path> first = cache.kShortest(abilene, "STTL", "NYCM", 3);
        assertThat(first).hasSize(3);
        assertThat(first.get(0).nodes().get(0)).isEqualTo("STTL");
        assertThat(cache.kShortest(abilene, "STTL", "NYCM", 3)).isSameAs(first);
        // take the first link of the shortest path away: the new topology gets its own paths, none over that link
        String used = first.get(0).links().get(0).physicalId();
        Topology without = abilene.withoutLinks(l -> l.physicalId().equals(used));
        List<Path> after = cache.kShortest(without, "STTL", "NYCM", 3);
        assertThat(after).isNotSameAs(first).isNotEmpty();
        assertThat(after).allSatisfy(p -> assertThat(p.links()).noneMatch(l -> l.physicalId().equals(used)));
    }
}
