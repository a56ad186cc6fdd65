package io.happyos.registry.core.resources;

import java.util.List;
import jdk.jfr.AnnotationElement;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.EventFactory;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.ValueDescriptor;

/**
 * Tells the event stream which bundle a class loader belongs to: the event's class field is a class
 * as the bundle's own loader defined it, so the recorded class's loader id is that loader's.
 *
 * <p>The event type is made by {@link EventFactory}, not declared as a subclass of {@link Event} in
 * this bundle: the flight recorder instruments an event class to call a handler class it generates
 * in {@code jdk.jfr.internal.handlers}, which a bundle's class loader cannot see (Felix delegates
 * only {@code java.*} to the JDK, and otherwise only when it guesses the caller is the JDK's, which
 * depends on the call stack: the commit then failed with {@code NoClassDefFoundError} from some
 * threads). A factory-made event type is defined by the flight recorder itself.
 */
final class LoaderMarker {

    /** The event's name. */
    static final String NAME = "io.happyos.registry.BundleClassLoader";

    private final EventFactory factory = EventFactory.create(
            List.of(
                    new AnnotationElement(Name.class, NAME),
                    new AnnotationElement(Label.class, "Bundle Class Loader"),
                    new AnnotationElement(Category.class, new String[] {"HappyOS", "Registry"}),
                    new AnnotationElement(Description.class, "Maps a bundle's class loader to its bundle id"),
                    new AnnotationElement(StackTrace.class, false)),
            List.of(
                    new ValueDescriptor(
                            long.class, "bundleId", List.of(new AnnotationElement(Label.class, "Bundle Id"))),
                    new ValueDescriptor(
                            Class.class,
                            "definedClass",
                            List.of(new AnnotationElement(Label.class, "Defined Class")))));

    /**
     * Commits one marker.
     *
     * @param bundleId the bundle
     * @param definedClass a class its own loader defined
     */
    void commit(long bundleId, Class<?> definedClass) {
        Event event = factory.newEvent();
        event.set(0, bundleId);
        event.set(1, definedClass);
        event.commit();
    }

    /** Unregisters the event type. */
    void close() {
        factory.unregister();
    }
}
