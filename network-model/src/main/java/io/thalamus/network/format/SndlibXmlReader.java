package io.thalamus.network.format;

import io.thalamus.network.topology.Topology;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads an SNDlib network in the XML format ({@code xmlns="http://sndlib.zib.de/network"}): nodes with
 * {@code coordinatesType} geographical (x = longitude, y = latitude) or pixel (planar x/y), links with a
 * pre-installed module and additional modules, demands. Rules as in {@link SndlibAssembly}.
 */
public final class SndlibXmlReader {

    /** Namespace of SNDlib network files. */
    public static final String NAMESPACE = "http://sndlib.zib.de/network";

    private SndlibXmlReader() {
    }

    /** Reads an SNDlib XML file; the topology is named after the file. */
    public static Topology read(Path file) {
        return fromTree(XmlTree.read(file), file.toString(), TopologyReaders.baseName(file));
    }

    /** Parses SNDlib XML text; {@code source} names it in errors. */
    public static Topology parse(String xml, String source, String name) {
        return fromTree(XmlTree.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), source), source, name);
    }

    private static Topology fromTree(XmlTree.Element root, String source, String name) {
        if (!root.name().equals("network")) {
            throw new TopologyFormatException(source, root.where(), "expected root element <network>");
        }
        SndlibAssembly net = new SndlibAssembly(source, name);
        XmlTree.Element meta = root.child("meta");
        if (meta != null && meta.child("unit") != null) {
            net.unit(meta.child("unit").text(), meta.child("unit").where());
        }
        XmlTree.Element structure = root.require("networkStructure", source);
        XmlTree.Element nodes = structure.require("nodes", source);
        net.declareCoordinates(nodes.attr("coordinatesType"), nodes.where());
        for (XmlTree.Element n : nodes.children("node")) {
            XmlTree.Element c = n.child("coordinates");
            double x = Double.NaN;
            double y = Double.NaN;
            if (c != null) {
                x = c.require("x", source).number("value", source);
                y = c.require("y", source).number("value", source);
            }
            net.node(n.attr("id"), x, y, n.where());
        }
        XmlTree.Element links = structure.require("links", source);
        for (XmlTree.Element l : links.children("link")) {
            XmlTree.Element pre = l.child("preInstalledModule");
            double preCap = pre == null ? 0 : pre.require("capacity", source).number("value", source);
            XmlTree.Element rc = l.child("routingCost");
            double routing = rc == null ? 0 : rc.number("value", source);
            XmlTree.Element add = l.child("additionalModules");
            List<XmlTree.Element> mods = add == null ? List.of() : add.children("addModule");
            double[] modules = new double[mods.size()];
            for (int i = 0; i < modules.length; i++) {
                modules[i] = mods.get(i).require("capacity", source).number("value", source);
            }
            net.link(l.attr("id"), text(l.require("source", source)), text(l.require("target", source)),
                    preCap, routing, modules, l.where());
        }
        XmlTree.Element demands = root.child("demands");
        if (demands != null) {
            for (XmlTree.Element d : demands.children("demand")) {
                net.demand(d.attr("id"), text(d.require("source", source)), text(d.require("target", source)),
                        d.require("demandValue", source).number("value", source), d.where());
            }
        }
        return net.build();
    }

    private static String text(XmlTree.Element e) {
        return e.text();
    }
}
