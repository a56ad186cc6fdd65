package io.happyos.registry.core.provision;

import io.happyos.registry.core.provision.FeaturesDocument.Feature;
import io.happyos.registry.core.provision.FeaturesDocument.FeatureBundle;
import io.happyos.registry.core.provision.FeaturesDocument.FeatureRef;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a features file: the subset of Karaf's {@code features.xml} the registry supports.
 * {@code <features>} (no namespace, or one of Karaf's {@code http://karaf.apache.org/xmlns/features/v1.x.0})
 * with {@code <repository>} and {@code <feature name version install>}; in a feature,
 * {@code <bundle start-level start dependency>} and {@code <feature version>} (a dependency). Karaf
 * elements the registry does not apply ({@code config}, {@code configfile}, {@code capability},
 * {@code requirement}, {@code conditional}, {@code details}, {@code library}, {@code scoping},
 * {@code resource-repository}) are skipped with a note; any other element is refused. DTDs and
 * external entities are refused: nothing outside the file is read while parsing.
 */
public final class FeaturesParser {

    private static final String KARAF_NAMESPACE = "http://karaf.apache.org/xmlns/features/";
    private static final Set<String> IGNORED_IN_FEATURE =
            Set.of("config", "configfile", "capability", "requirement", "conditional", "details", "library", "scoping");
    private static final Set<String> IGNORED_IN_FEATURES = Set.of("resource-repository");

    private final String source;
    private final XMLStreamReader xml;
    private final List<String> notes = new ArrayList<>();

    private FeaturesParser(String source, XMLStreamReader xml) {
        this.source = source;
        this.xml = xml;
    }

    /**
     * Parses a features file.
     *
     * @param in its content
     * @param source its name, for messages
     * @return what it says
     * @throws IllegalArgumentException naming the file, the line and the problem, with the fix
     */
    public static FeaturesDocument parse(InputStream in, String source) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        try {
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (IllegalArgumentException notSupported) {
            // SUPPORT_DTD=false already keeps DTDs out
        }
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            try {
                return new FeaturesParser(source, reader).document();
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException(
                    source + " is not well-formed XML: " + e.getMessage()
                            + "; fix the file (a features file is <features><feature name=\"...\">"
                            + "<bundle>mvn:...</bundle></feature></features>)",
                    e);
        }
    }

    private FeaturesDocument document() throws XMLStreamException {
        int event = next();
        if (event != XMLStreamConstants.START_ELEMENT || !"features".equals(xml.getLocalName())) {
            throw fail("the root element is " + describe(event) + ", not <features>: this is not a features file");
        }
        checkNamespace();
        String name = attribute("name");
        List<String> repositories = new ArrayList<>();
        List<Feature> features = new ArrayList<>();
        while ((event = next()) == XMLStreamConstants.START_ELEMENT) {
            checkNamespace();
            String element = xml.getLocalName();
            if (element.equals("repository")) {
                repositories.add(text("repository"));
            } else if (element.equals("feature")) {
                features.add(feature());
            } else if (IGNORED_IN_FEATURES.contains(element)) {
                ignore(element, "the file");
            } else {
                throw unknown(element, "<features>", "<repository> and <feature>");
            }
        }
        if (features.isEmpty()) {
            throw fail("it has no <feature>: nothing to provision");
        }
        return new FeaturesDocument(name, source, repositories, features, notes);
    }

    private Feature feature() throws XMLStreamException {
        String name = attribute("name");
        if (name == null || name.isBlank()) {
            throw fail("a <feature> has no name attribute; give each feature name=\"...\"");
        }
        String version = attribute("version");
        String install = attribute("install");
        if (install != null && !install.equals("auto") && !install.equals("manual")) {
            throw fail("feature " + name + " has install=\"" + install + "\": give auto or manual");
        }
        List<FeatureBundle> bundles = new ArrayList<>();
        List<FeatureRef> dependencies = new ArrayList<>();
        while (next() == XMLStreamConstants.START_ELEMENT) {
            checkNamespace();
            String element = xml.getLocalName();
            if (element.equals("bundle")) {
                bundles.add(bundle(name));
            } else if (element.equals("feature")) {
                String range = attribute("version");
                dependencies.add(new FeatureRef(text("feature"), range == null || range.isBlank() ? null : range));
            } else if (IGNORED_IN_FEATURE.contains(element)) {
                ignore(element, "feature " + name);
            } else {
                throw unknown(element, "<feature name=\"" + name + "\">", "<bundle> and <feature>");
            }
        }
        return new Feature(
                name.strip(),
                version == null || version.isBlank() ? "0.0.0" : version.strip(),
                "auto".equals(install),
                bundles,
                dependencies);
    }

    private FeatureBundle bundle(String feature) throws XMLStreamException {
        String level = attribute("start-level");
        String start = attribute("start");
        String dependency = attribute("dependency");
        int startLevel = 0;
        if (level != null && !level.isBlank()) {
            try {
                startLevel = Integer.parseInt(level.strip());
            } catch (NumberFormatException e) {
                throw fail(
                        "a <bundle> of feature " + feature + " has start-level=\"" + level + "\": give a whole number");
            }
        }
        int line = xml.getLocation().getLineNumber();
        String location = text("bundle");
        if (!location.startsWith("mvn:") && !location.startsWith("file:")) {
            throw new IllegalArgumentException(source + " line " + line + ": the bundle '" + location
                    + "' of feature " + feature + " is neither mvn:GROUP/ARTIFACT/VERSION nor file:PATH; only those"
                    + " two kinds of location are supported (wrap:, blueprint:, http: and others are not)");
        }
        return new FeatureBundle(
                location, startLevel, bool(start, "start", true), bool(dependency, "dependency", false));
    }

    private boolean bool(String value, String attribute, boolean absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw fail("a <bundle> has " + attribute + "=\"" + value + "\": give true or false");
        };
    }

    /** The text of a simple element, up to its end tag; an element inside it is refused. */
    private String text(String element) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int event;
        while ((event = xml.next()) != XMLStreamConstants.END_ELEMENT) {
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    text.append(xml.getText());
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {}
                case XMLStreamConstants.ENTITY_REFERENCE ->
                    throw fail("<" + element + "> uses the entity &" + xml.getLocalName()
                            + "; entities are not allowed: write the text itself");
                default -> throw fail("<" + element + "> holds " + describe(event) + "; it holds text only");
            }
        }
        String value = text.toString().strip();
        if (value.isEmpty()) {
            throw fail("<" + element + "> is empty");
        }
        return value;
    }

    /** Skips an element the registry does not apply, saying so once per element and place. */
    private void ignore(String element, String where) throws XMLStreamException {
        String note = "<" + element + "> in " + where + " is not applied by the registry and was ignored";
        if (!notes.contains(note)) {
            notes.add(note);
        }
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw fail("entities and DTDs are not allowed in a features file");
            }
        }
    }

    /** The next start or end element, refusing a DTD, an entity and text outside the elements that hold it. */
    private int next() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT,
                        XMLStreamConstants.END_ELEMENT,
                        XMLStreamConstants.END_DOCUMENT -> {
                    return event;
                }
                case XMLStreamConstants.DTD ->
                    throw fail("it has a DOCTYPE declaration, which is not allowed (it could make the parser read"
                            + " other files or expand entities without bound): remove it");
                case XMLStreamConstants.ENTITY_REFERENCE ->
                    throw fail("it uses the entity &" + xml.getLocalName() + "; entities are not allowed");
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (!xml.isWhiteSpace()) {
                        throw fail("it has the text '" + xml.getText().strip() + "' where an element is expected");
                    }
                }
                default -> {} // comments, processing instructions, white space
            }
        }
        return XMLStreamConstants.END_DOCUMENT;
    }

    private void checkNamespace() {
        String namespace = xml.getNamespaceURI();
        if (namespace != null && !namespace.isEmpty() && !namespace.startsWith(KARAF_NAMESPACE)) {
            throw fail("<" + xml.getLocalName() + "> is in the namespace " + namespace
                    + ", which is not Karaf's: use no namespace or " + KARAF_NAMESPACE + "v1.6.0");
        }
    }

    private String attribute(String name) {
        return xml.getAttributeValue(null, name);
    }

    private IllegalArgumentException unknown(String element, String parent, String allowed) {
        return fail("<" + element + "> is not supported in " + parent + " (supported: " + allowed
                + "; ignored: "
                + String.join(
                        ", ",
                        parent.startsWith("<features")
                                ? IGNORED_IN_FEATURES
                                : IGNORED_IN_FEATURE.stream().sorted().toList())
                + ")");
    }

    private String describe(int event) {
        return event == XMLStreamConstants.START_ELEMENT ? "<" + xml.getLocalName() + ">" : "the end of the file";
    }

    private IllegalArgumentException fail(String problem) {
        return new IllegalArgumentException(
                source + " line " + xml.getLocation().getLineNumber() + ": " + problem);
    }
}
