package io.thalamus.network.format;

import io.thalamus.network.topology.Topology;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads an SNDlib network in the native text format: sections {@code META}, {@code NODES},
 * {@code LINKS}, {@code DEMANDS} and {@code ADMISSIBLE_PATHS} (skipped), each {@code NAME ( ... )}
 * with one entry per line. Capacity, unit, weight and delay rules are those of {@link SndlibAssembly}.
 * Native files do not say whether coordinates are geographic: they are taken as (longitude, latitude)
 * when every node lies within [-180, 180] x [-90, 90], and as planar pixel positions otherwise.
 */
public final class SndlibNativeReader {

    private SndlibNativeReader() {
    }

    /** Reads an SNDlib native file; the topology is named after the file. */
    public static Topology read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            return read(in, file.toString(), TopologyReaders.baseName(file));
        } catch (IOException e) {
            throw new TopologyFormatException(file.toString(), "", "cannot read file: " + e.getMessage(), e);
        }
    }

    /** Parses native SNDlib text; {@code source} names it in errors. */
    public static Topology parse(String text, String source, String name) {
        try {
            return read(new BufferedReader(new StringReader(text)), source, name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Topology read(Reader reader, String source, String name) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        SndlibAssembly net = new SndlibAssembly(source, name);
        String section = null;
        int sectionLine = 0;
        int depth = 0;
        boolean sawNodes = false;
        boolean sawLinks = false;
        String line;
        int no = 0;
        while ((line = in.readLine()) != null) {
            no++;
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (content.isEmpty() || (no == 1 && content.startsWith("?"))) {
                continue;
            }
            String where = "line " + no;
            List<String> t = BracketTokens.split(content, '(', ')', false);
            if (section == null) {
                if (t.size() != 2 || !t.get(1).equals("(")) {
                    throw new TopologyFormatException(source, where, "expected a section header such as 'NODES (', got '" + content + "'");
                }
                section = t.get(0);
                sectionLine = no;
                depth = 0;
                switch (section) {
                    case "NODES" -> sawNodes = true;
                    case "LINKS" -> {
                        if (!sawNodes) {
                            throw new TopologyFormatException(source, where, "LINKS section before NODES (expected NODES first)");
                        }
                        sawLinks = true;
                    }
                    case "DEMANDS" -> {
                        if (!sawNodes) {
                            throw new TopologyFormatException(source, where, "DEMANDS section before NODES (expected NODES first)");
                        }
                    }
                    case "META", "ADMISSIBLE_PATHS" -> {
                        // handled line by line below
                    }
                    default -> throw new TopologyFormatException(source, where,
                            "unknown section '" + section + "' (expected META, NODES, LINKS, DEMANDS or ADMISSIBLE_PATHS)");
                }
                continue;
            }
            if (depth == 0 && t.size() == 1 && t.get(0).equals(")")) {
                section = null;
                continue;
            }
            switch (section) {
                case "META" -> meta(net, content, source, where);
                case "NODES" -> node(net, t, source, where);
                case "LINKS" -> link(net, t, source, where);
                case "DEMANDS" -> demand(net, t, source, where);
                default -> {
                    for (String tok : t) {
                        depth += tok.equals("(") ? 1 : tok.equals(")") ? -1 : 0;
                    }
                    if (depth < 0) {
                        throw new TopologyFormatException(source, where, "unbalanced ')' in section " + section);
                    }
                }
            }
        }
        if (section != null) {
            throw new TopologyFormatException(source, "line " + no + " (end of file)",
                    "truncated file: section " + section + " opened at line " + sectionLine + " is not closed (expected ')')");
        }
        if (!sawNodes || !sawLinks) {
            throw new TopologyFormatException(source, "end of file",
                    "missing section " + (!sawNodes ? "NODES" : "LINKS") + " (expected NODES and LINKS sections)");
        }
        return net.build();
    }

    private static void meta(SndlibAssembly net, String content, String source, String where) {
        int eq = content.indexOf('=');
        if (eq < 0) {
            throw new TopologyFormatException(source, where, "expected 'attribute = value' in META");
        }
        if (content.substring(0, eq).trim().equals("unit")) {
            net.unit(content.substring(eq + 1).trim(), where);
        }
    }

    private static void node(SndlibAssembly net, List<String> t, String source, String where) {
        if (t.size() == 1) {
            net.node(t.get(0), Double.NaN, Double.NaN, where);
            return;
        }
        if (t.size() != 5 || !t.get(1).equals("(") || !t.get(4).equals(")")) {
            throw new TopologyFormatException(source, where, "expected '<node_id> ( <longitude> <latitude> )'");
        }
        net.node(t.get(0), Fields.number(t.get(2), "longitude/x", source, where),
                Fields.number(t.get(3), "latitude/y", source, where), where);
    }

    private static void link(SndlibAssembly net, List<String> t, String source, String where) {
        // <id> ( <src> <dst> ) <pre_cap> <pre_cost> <routing_cost> <setup_cost> ( {<module_cap> <module_cost>}* )
        if (t.size() < 11 || !t.get(1).equals("(") || !t.get(4).equals(")") || !t.get(9).equals("(")
                || !t.get(t.size() - 1).equals(")") || (t.size() - 11) % 2 != 0) {
            throw new TopologyFormatException(source, where, "expected '<link_id> ( <source> <target> ) <pre_installed_capacity> "
                    + "<pre_installed_capacity_cost> <routing_cost> <setup_cost> ( {<module_capacity> <module_cost>}* )'");
        }
        double pre = Fields.number(t.get(5), "pre-installed capacity", source, where);
        double routing = Fields.number(t.get(7), "routing cost", source, where);
        int m = (t.size() - 11) / 2;
        double[] modules = new double[m];
        for (int i = 0; i < m; i++) {
            modules[i] = Fields.number(t.get(10 + 2 * i), "module capacity", source, where);
        }
        net.link(t.get(0), t.get(2), t.get(3), pre, routing, modules, where);
    }

    private static void demand(SndlibAssembly net, List<String> t, String source, String where) {
        // <id> ( <src> <dst> ) <routing_unit> <demand_value> <max_path_length>
        if (t.size() != 8 || !t.get(1).equals("(") || !t.get(4).equals(")")) {
            throw new TopologyFormatException(source, where,
                    "expected '<demand_id> ( <source> <target> ) <routing_unit> <demand_value> <max_path_length>'");
        }
        net.demand(t.get(0), t.get(2), t.get(3), Fields.number(t.get(6), "demand value", source, where), where);
    }
}
