package io.thalamus.intent.validation;

import io.thalamus.intent.model.Intent;
import io.thalamus.intent.model.IntentType;
import io.thalamus.network.builtin.BuiltinTopologies;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every JSON example of docs/intents.md validates; the first is the demo intent, exactly. */
class IntentDocsExamplesTest {

    private final IntentValidator validator = new IntentValidator(new IntentSchema(), BuiltinTopologies::abilene);

    private static List<String> examples() throws Exception {
        String md = Files.readString(Path.of("..", "docs", "intents.md"));
        Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(md);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyExampleValidatesAndTheFirstIsTheDemo() throws Exception {
        List<String> ex = examples();
        assertThat(ex).hasSizeGreaterThanOrEqualTo(7);
        List<IntentType> types = new ArrayList<>();
        for (String json : ex) {
            types.add(validator.parse(json).type());
        }
        assertThat(types).containsExactlyInAnyOrder(IntentType.values());
        Intent demo = validator.parse(ex.get(0));
        assertThat(ex.get(0).strip()).isEqualTo("{\"key\":\"demo-1\",\"type\":\"connectivity\",\"priority\":5,\"spec\":"
                + "{\"source\":\"STTL\",\"destination\":\"NYCM\",\"bandwidthBps\":1000000000,\"maxDelayMs\":40},"
                + "\"expectations\":[{\"metric\":\"max-link-utilization\",\"op\":\"<=\",\"target\":0.8}],\"flags\":"
                + "{\"weights\":{\"latency\":1.0,\"size\":0.2},\"limits\":{\"maxLatencyMs\":100}},\"mode\":\"apply\"}");
        assertThat(demo.key()).isEqualTo("demo-1");
        assertThat(demo.flags().weights()).containsEntry("latency", 1.0);
    }

    @Test
    void theClasspathSchemaIsThePublishedOne() throws Exception {
        assertThat(new IntentSchema().text()).isEqualTo(Files.readString(Path.of("..", "docs", "intent.schema.json")));
    }

    @Test
    void everyViolationIsReportedWithItsPointer() {
        assertThatThrownBy(() -> validator.parse("{\"type\":\"admit-flows\",\"spec\":{\"flows\":[{\"source\":\"ATLA\","
                + "\"destination\":\"WASH\"},{\"source\":\"ATLA\",\"destination\":\"WASH\",\"bandwidthBps\":0}]},"
                + "\"flags\":{\"weights\":{\"speed\":1}}}"))
                .isInstanceOfSatisfying(InvalidIntentException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::pointer)
                        .contains("/key", "/spec/flows/0/bandwidthBps", "/spec/flows/1/bandwidthBps", "/flags/weights"));
    }
}
