package io.thalamus.network.format;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BracketTokensTest {

    @Test
    void sndlibStyleParenthesesAreTokensAndQuotesAreNotSpecial() {
        assertThat(BracketTokens.split("L1 ( Berlin  Hamburg )\t100.0\n\"x y\"", '(', ')', false))
                .isEqualTo(List.of("L1", "(", "Berlin", "Hamburg", ")", "100.0", "\"x", "y\""));
    }

    @Test
    void gmlStyleBracketsAreTokensAndAQuotedRunIsOneTokenWithoutItsQuotes() {
        assertThat(BracketTokens.split("node [ id 0 label \"New York\"]edge[source 0]", '[', ']', true))
                .isEqualTo(List.of("node", "[", "id", "0", "label", "New York", "]", "edge", "[", "source", "0", "]"));
        assertThat(BracketTokens.split("label \"unclosed [ x", '[', ']', true))
                .isEqualTo(List.of("label", "unclosed [ x"));
        assertThat(BracketTokens.split("  \n ", '[', ']', true)).isEmpty();
    }
}
