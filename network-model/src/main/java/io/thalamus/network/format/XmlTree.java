package io.thalamus.network.format;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A small element tree read with the JDK's StAX parser, keeping the line of every element so format
 * errors can name where they are. DTDs and external entities are refused.
 */
final class XmlTree {

    private static final String[] NO_ATTRIBUTES = new String[0];

    private XmlTree() {
    }

    /**
     * One XML element: name, attributes (name/value pairs, flat), trimmed text content and children, with its
     * line. The tree is private to the readers of this package, which never modify it.
     */
    record Element(String name, String[] attributes, String text, List<Element> children, int line) {

        String attr(String attribute) {
            for (int i = 0; i < attributes.length; i += 2) {
                if (attributes[i].equals(attribute)) {
                    return attributes[i + 1];
                }
            }
            return null;
        }

        Element child(String childName) {
            for (Element c : children) {
                if (c.name.equals(childName)) {
                    return c;
                }
            }
            return null;
        }

        /** The first child named {@code childName}. @throws TopologyFormatException naming this element when there is none */
        Element require(String childName, String source) {
            Element c = child(childName);
            if (c == null) {
                throw new TopologyFormatException(source, where(), "missing child element <" + childName + ">");
            }
            return c;
        }

        List<Element> children(String childName) {
            List<Element> out = new ArrayList<>();
            for (Element c : children) {
                if (c.name.equals(childName)) {
                    out.add(c);
                }
            }
            return out;
        }

        /** The text content as a number; {@code source} names the file in errors. */
        double number(String what, String source) {
            return Fields.number(text, what + " in <" + name + ">", source, where());
        }

        /** "element <name> (line N)", for error locations. */
        String where() {
            return "line " + line + ", element <" + name + ">";
        }
    }

    /** Reads {@code file} into a tree. @throws TopologyFormatException for unreadable or malformed XML */
    static Element read(Path file) {
        String source = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, source);
        } catch (IOException e) {
            throw new TopologyFormatException(source, "", "cannot read file: " + e.getMessage(), e);
        }
    }

    /** Parses XML from a stream; {@code source} names it in errors. */
    static Element parse(InputStream in, String source) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        // the supported formats use one default namespace; element names are compared without it
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(in);
            Deque<Builder> stack = new ArrayDeque<>();
            Element root = null;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    int count = r.getAttributeCount();
                    String[] attrs = count == 0 ? NO_ATTRIBUTES : new String[2 * count];
                    for (int i = 0; i < count; i++) {
                        attrs[2 * i] = r.getAttributeLocalName(i);
                        attrs[2 * i + 1] = r.getAttributeValue(i);
                    }
                    stack.push(new Builder(r.getLocalName(), attrs, r.getLocation().getLineNumber()));
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                    if (!stack.isEmpty() && !r.isWhiteSpace()) {
                        stack.peek().text(r.getText());
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    Element done = stack.pop().build();
                    if (stack.isEmpty()) {
                        root = done;
                    } else {
                        stack.peek().children.add(done);
                    }
                }
            }
            if (root == null || !stack.isEmpty()) {
                throw new TopologyFormatException(source, "end of file", "truncated XML: the root element is not closed");
            }
            return root;
        } catch (XMLStreamException e) {
            String at = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNumber()
                    + ", column " + e.getLocation().getColumnNumber();
            String msg = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
            throw new TopologyFormatException(source, at, "malformed or truncated XML: " + msg, e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // closing a failed reader has nothing left to report
                }
            }
        }
    }

    private static final class Builder {
        final String name;
        final String[] attributes;
        final int line;
        private String text = "";
        private StringBuilder longText;
        final List<Element> children = new ArrayList<>(0);

        Builder(String name, String[] attributes, int line) {
            this.name = name;
            this.attributes = attributes;
            this.line = line;
        }

        void text(String more) {
            if (longText != null) {
                longText.append(more);
            } else if (text.isEmpty()) {
                text = more;
            } else {
                longText = new StringBuilder(text).append(more);
            }
        }

        Element build() {
            String t = longText != null ? longText.toString() : text;
            return new Element(name, attributes, t.trim(), children.isEmpty() ? List.of() : children, line);
        }
    }
}
