package io.thalamus.telemetry.streams;

/** What the validator decided about one record of the samples topic. */
public sealed interface Verdict {

    /** A link sample to aggregate. */
    record Accepted(LinkPoint point) implements Verdict {
    }

    /** A well-formed sample that is not a link utilisation (e.g. a node metric): passed over, not an error. */
    record Skipped(String why) implements Verdict {
    }

    /** A refused record, with the reason stored in the dead letter. */
    record Rejected(String reason) implements Verdict {
    }
}
