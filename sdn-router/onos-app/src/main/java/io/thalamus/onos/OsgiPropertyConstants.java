package io.thalamus.onos;

/** Names and defaults of the bridge's configurable properties (ONOS's convention, read by the cfg goal). */
public final class OsgiPropertyConstants {

    private OsgiPropertyConstants() {
    }

    /** Base URL of the Thalamus REST API. */
    public static final String THALAMUS_URL = "thalamusUrl";
    /** Default: Thalamus on the same host. */
    public static final String THALAMUS_URL_DEFAULT = "http://127.0.0.1:8080";

    /** Seconds between syncs with Thalamus (0: only at activation). */
    public static final String POLL_SECONDS = "pollSeconds";
    /** Default poll period. */
    public static final int POLL_SECONDS_DEFAULT = 10;
}
