package io.happyos.registry.core.resources;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * Tells the event stream which bundle a class loader belongs to: the class field is a class as the
 * bundle's own loader defined it, so the recorded class's loader id is that loader's.
 */
@Name(LoaderMarker.NAME)
@Label("Bundle Class Loader")
@Category({"HappyOS", "Registry"})
@Description("Maps a bundle's class loader to its bundle id, for resource accounting")
@StackTrace(false)
final class LoaderMarker extends jdk.jfr.Event {

    /** The event's name. */
    static final String NAME = "io.happyos.registry.BundleClassLoader";

    @Label("Bundle Id")
    long bundleId;

    @Label("Defined Class")
    Class<?> definedClass;

    LoaderMarker(long bundleId, Class<?> definedClass) {
        this.bundleId = bundleId;
        this.definedClass = definedClass;
    }
}
