package io.happyos.registry.core.metrics;

import com.codahale.metrics.jmx.ObjectNameFactory;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.NamingConvention;
import io.micrometer.core.instrument.util.HierarchicalNameMapper;
import java.util.regex.Pattern;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The ObjectNames of the registry's meters, readable in jconsole's tree:
 * {@code io.happyos.registry:container=<storage folder>,type=<gauges|timers>,name=<meter>[,<tag>=<value>]},
 * for example {@code io.happyos.registry:container="/opt/happyos/data",type=gauges,name=happyos.components,status=ACTIVE}.
 * The meter's name is Micrometer's, unchanged; each tag is a key of its own.
 *
 * <p>Micrometer hands Dropwizard one string per meter: this class writes the tags into it after a
 * {@value #TAGS} (a character no meter name or tag holds here) and reads them back out.
 */
final class JmxNames implements HierarchicalNameMapper, ObjectNameFactory {

    /** The JMX domain of every meter. */
    static final String DOMAIN = "io.happyos.registry";

    private static final char TAGS = '|';
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]+");

    private final String container;

    JmxNames(String container) {
        this.container = container;
    }

    /**
     * @param container the container key's value
     * @return the pattern of every ObjectName of that container
     */
    static String pattern(String container) {
        return DOMAIN + ":container=" + value(container) + ",*";
    }

    @Override
    public String toHierarchicalName(Meter.Id id, NamingConvention convention) {
        StringBuilder name = new StringBuilder(id.getName());
        for (Tag tag : id.getTagsAsIterable()) {
            name.append(TAGS).append(tag.getKey()).append('=').append(tag.getValue());
        }
        return name.toString();
    }

    @Override
    public ObjectName createName(String type, String domain, String name) {
        String[] parts = name.split(Pattern.quote(String.valueOf(TAGS)));
        StringBuilder text = new StringBuilder(DOMAIN)
                .append(":container=")
                .append(value(container))
                .append(",type=")
                .append(value(type))
                .append(",name=")
                .append(value(parts[0]));
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            text.append(',').append(parts[i], 0, equals).append('=').append(value(parts[i].substring(equals + 1)));
        }
        try {
            return new ObjectName(text.toString());
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("not a valid JMX name for the meter " + name + ": " + text, e);
        }
    }

    private static String value(String text) {
        return PLAIN.matcher(text).matches() ? text : ObjectName.quote(text);
    }
}
