package io.thalamus.models.qos;

import io.thalamus.models.registry.Model;
import io.thalamus.network.flow.ZoneOfTolerance;

/** Maps a measured QoS level to a user's satisfaction, and a target satisfaction back to the level it needs. */
public interface SatisfactionModel extends Model {

    /** Satisfaction in [0, 1] of level {@code q} for a user with this zone of tolerance. */
    double satisfaction(ZoneOfTolerance zone, double q);

    /** The least level (in the metric's direction) that reaches {@code target} satisfaction. */
    double levelFor(ZoneOfTolerance zone, double target);
}
