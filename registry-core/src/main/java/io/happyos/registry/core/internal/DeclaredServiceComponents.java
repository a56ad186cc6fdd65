package io.happyos.registry.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The names of the Declarative Services components that installed bundles declare, read from
 * their {@code Service-Component} descriptors without SCR: a DS component is an entry only once
 * SCR has read its started bundle, but it exists as long as its bundle is installed. Reads
 * entries without resolving a bundle ({@code getEntry}, not {@code findEntries}).
 */
final class DeclaredServiceComponents {

    private static final Logger LOG = LoggerFactory.getLogger(DeclaredServiceComponents.class);
    private static final String HEADER = "Service-Component";

    private DeclaredServiceComponents() {}

    /**
     * @param context a bundle context
     * @return the names of the DS components declared by every installed bundle
     */
    static Set<String> names(BundleContext context) {
        Set<String> names = new HashSet<>();
        for (Bundle bundle : context.getBundles()) {
            String header = bundle.getState() == Bundle.UNINSTALLED
                    ? null
                    : bundle.getHeaders("").get(HEADER);
            if (header == null) {
                continue;
            }
            for (String clause : header.split(",")) {
                String path = clause.split(";")[0].trim();
                for (URL descriptor : descriptors(bundle, path.startsWith("/") ? path.substring(1) : path)) {
                    names.addAll(read(bundle, descriptor));
                }
            }
        }
        return names;
    }

    /** A descriptor path, or a folder and a file name pattern ({@code OSGI-INF/*.xml}). */
    private static List<URL> descriptors(Bundle bundle, String path) {
        List<URL> urls = new ArrayList<>();
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        if (!name.contains("*")) {
            URL url = bundle.getEntry(path);
            if (url != null) {
                urls.add(url);
            }
            return urls;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + name);
        Enumeration<String> entries = bundle.getEntryPaths(slash < 0 ? "/" : path.substring(0, slash + 1));
        while (entries != null && entries.hasMoreElements()) {
            String entry = entries.nextElement();
            if (!entry.endsWith("/") && matcher.matches(Path.of(entry.substring(entry.lastIndexOf('/') + 1)))) {
                urls.add(bundle.getEntry(entry));
            }
        }
        return urls;
    }

    /** The components of one descriptor: a {@code component} root, or several inside another root. */
    private static List<String> read(Bundle bundle, URL descriptor) {
        List<String> names = new ArrayList<>();
        try (InputStream in = descriptor.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = factory.newDocumentBuilder().parse(in).getDocumentElement();
            if ("component".equals(root.getLocalName())) {
                addName(root, names);
            }
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && "component".equals(e.getLocalName())) {
                    addName(e, names);
                }
            }
        } catch (IOException | ParserConfigurationException | SAXException e) {
            LOG.debug("cannot read the DS descriptor {} of {}: {}", descriptor, bundle.getSymbolicName(), e.toString());
        }
        return names;
    }

    /** Its name, or (DS 1.1 and later) its implementation class when it has none. */
    private static void addName(Element component, List<String> names) {
        String name = component.getAttribute("name");
        if (name.isEmpty()) {
            for (Node n = component.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && "implementation".equals(e.getLocalName())) {
                    name = e.getAttribute("class");
                }
            }
        }
        if (!name.isEmpty()) {
            names.add(name);
        }
    }
}
