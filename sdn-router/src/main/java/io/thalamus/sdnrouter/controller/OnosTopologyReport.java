package io.thalamus.sdnrouter.controller;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The topology the Thalamus ONOS app reports ({@code POST /api/sdn/onos/topology}): ONOS's available device ids
 * and its active links, each written {@code srcDevice/srcPort-dstDevice/dstPort} (e.g.
 * {@code of:0000000000000001/2-of:0000000000000002/3}), exactly as {@code io.thalamus.onos.ThalamusBridge} sends them.
 *
 * @param devices device ids, in the order reported, without duplicates
 * @param links   directed links, in the order reported, without duplicates
 */
public record OnosTopologyReport(List<String> devices, List<OnosLink> links) {

    /** An ONOS device id: a URI such as {@code of:0000000000000001} (scheme, colon, no white space). */
    private static final Pattern DEVICE = Pattern.compile("[a-z][a-z0-9+.-]*:\\S+");
    /** {@code src/port-dst/port}; the first {@code /digits-} splits the two ends. */
    private static final Pattern LINK = Pattern.compile("(\\S+?)/(\\d{1,10})-(\\S+)/(\\d{1,10})");
    /** Largest OpenFlow physical port number. */
    private static final long MAX_PORT = 0xFFFF_FF00L;

    /**
     * One directed ONOS link.
     *
     * @param srcDevice device the link leaves
     * @param srcPort   port it leaves by
     * @param dstDevice device it arrives at
     * @param dstPort   port it arrives on
     */
    public record OnosLink(String srcDevice, long srcPort, String dstDevice, long dstPort) {

        /** ONOS's own form, {@code of:…/2-of:…/3}. */
        public String wire() {
            return srcDevice + "/" + srcPort + "-" + dstDevice + "/" + dstPort;
        }
    }

    /**
     * One problem with a report.
     *
     * @param pointer JSON pointer of the bad element ({@code ""} for the whole body)
     * @param detail  what is wrong and what was expected
     */
    public record Problem(String pointer, String detail) {
    }

    /** A report that does not validate; carries every problem found. */
    public static final class InvalidReportException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final transient List<Problem> problems;

        /** An exception carrying {@code problems} (at least one). */
        public InvalidReportException(List<Problem> problems) {
            super(problems.size() + " problem(s) with the ONOS topology: " + String.join("; ",
                    problems.stream().map(p -> (p.pointer().isEmpty() ? "/" : p.pointer()) + " " + p.detail()).toList()));
            this.problems = List.copyOf(problems);
        }

        /** Every problem, each naming its element by JSON pointer. */
        public List<Problem> problems() {
            return problems;
        }
    }

    public OnosTopologyReport {
        devices = List.copyOf(devices);
        links = List.copyOf(links);
    }

    /**
     * Validates and reads a report body.
     *
     * @throws InvalidReportException listing every bad element by JSON pointer (nothing is read half)
     */
    public static OnosTopologyReport parse(JsonNode body) {
        List<Problem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new InvalidReportException(List.of(new Problem("",
                    "expected an object {\"devices\":[\"of:…\"],\"links\":[\"of:1/2-of:2/3\"]}")));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("devices") && !name.equals("links")) {
                problems.add(new Problem("/" + name, "unknown field; expected only \"devices\" and \"links\""));
            }
        }
        Set<String> devices = new LinkedHashSet<>();
        JsonNode d = body.get("devices");
        if (d == null || !d.isArray()) {
            problems.add(new Problem("/devices", d == null ? "is required: an array of ONOS device ids"
                    : "expected an array of ONOS device ids, got " + d.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        } else {
            for (int i = 0; i < d.size(); i++) {
                JsonNode v = d.get(i);
                String at = "/devices/" + i;
                if (!v.isTextual() || !DEVICE.matcher(v.asText()).matches()) {
                    problems.add(new Problem(at, "expected an ONOS device id such as \"of:0000000000000001\", got " + v));
                } else if (!devices.add(v.asText())) {
                    problems.add(new Problem(at, "device " + v.asText() + " is listed twice"));
                }
            }
        }
        List<OnosLink> links = new ArrayList<>();
        Set<OnosLink> seen = new HashSet<>();
        JsonNode l = body.get("links");
        if (l == null || !l.isArray()) {
            problems.add(new Problem("/links", l == null ? "is required: an array of \"src/port-dst/port\" strings"
                    : "expected an array of \"src/port-dst/port\" strings, got " + l.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        } else {
            for (int i = 0; i < l.size(); i++) {
                String at = "/links/" + i;
                JsonNode v = l.get(i);
                Matcher m = v.isTextual() ? LINK.matcher(v.asText()) : null;
                if (m == null || !m.matches()) {
                    problems.add(new Problem(at, "expected \"srcDevice/port-dstDevice/port\" such as "
                            + "\"of:0000000000000001/2-of:0000000000000002/3\", got " + v));
                    continue;
                }
                OnosLink link = new OnosLink(m.group(1), Long.parseLong(m.group(2)), m.group(3), Long.parseLong(m.group(4)));
                String bad = check(link, devices, d != null && d.isArray());
                if (bad != null) {
                    problems.add(new Problem(at, bad));
                } else if (!seen.add(link)) {
                    problems.add(new Problem(at, "link " + link.wire() + " is listed twice"));
                } else {
                    links.add(link);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidReportException(problems);
        }
        return new OnosTopologyReport(new ArrayList<>(devices), links);
    }

    private static String check(OnosLink link, Set<String> devices, boolean devicesKnown) {
        for (long port : new long[] {link.srcPort(), link.dstPort()}) {
            if (port < 1 || port > MAX_PORT) {
                return "port " + port + " of " + link.wire() + " is not a switch port (expected 1.." + MAX_PORT + ")";
            }
        }
        if (link.srcDevice().equals(link.dstDevice())) {
            return "link " + link.wire() + " joins device " + link.srcDevice() + " to itself";
        }
        if (devicesKnown) {
            for (String dev : List.of(link.srcDevice(), link.dstDevice())) {
                if (!DEVICE.matcher(dev).matches()) {
                    return "link end '" + dev + "' is not an ONOS device id";
                }
                if (!devices.contains(dev)) {
                    return "link " + link.wire() + " ends at device " + dev + ", which is not in /devices";
                }
            }
        }
        return null;
    }
}
