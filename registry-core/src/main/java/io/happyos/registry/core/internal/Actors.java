package io.happyos.registry.core.internal;

import io.happyos.registry.DynamicRegistry;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.Callable;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

/**
 * Who is calling the registry, for the audit log and usage telemetry: each bundle gets its own view
 * of the service (a service factory), which names the bundle while it calls; the folder watcher and
 * the framework name themselves. The name travels with an operation from the caller's thread to the
 * lifecycle thread; the calling bundle is known on the caller's thread only.
 */
public final class Actors {

    /** The actor of work the registry starts by itself. */
    public static final String REGISTRY = "registry";
    /** The actor of changes the bundles folder makes. */
    public static final String FOLDER_WATCHER = "folder-watcher";
    /** The actor of changes made behind the registry's back. */
    public static final String FRAMEWORK = "framework";
    /** The actor of shell commands. */
    public static final String SHELL = "shell";

    /**
     * Who is calling on a thread: one mutable frame per thread, saved and restored around each
     * call, so a call through a view neither allocates nor adds and removes thread-local entries.
     */
    private static final class Frame {
        String actor;
        /** The bundle whose view of the service is calling, for usage telemetry. */
        Bundle caller;
    }

    private static final ThreadLocal<Frame> FRAME = ThreadLocal.withInitial(Frame::new);

    private Actors() {
    }

    /** @return who is calling on this thread ({@link #REGISTRY} when nobody said) */
    public static String current() {
        String actor = FRAME.get().actor;
        return actor == null ? REGISTRY : actor;
    }

    /**
     * The bundle calling the registry service on this thread, through its own view of it.
     *
     * @return the bundle, or {@code null} when the call did not come through a bundle's view
     */
    public static Bundle callerBundle() {
        return FRAME.get().caller;
    }

    /**
     * Runs something on behalf of an actor.
     *
     * @param actor who
     * @param work what
     * @return its result
     * @throws Exception what it throws
     */
    public static <T> T as(String actor, Callable<T> work) throws Exception {
        Frame frame = FRAME.get();
        String outer = frame.actor;
        frame.actor = actor;
        try {
            return work.call();
        } finally {
            frame.actor = outer;
        }
    }

    /**
     * The actor name of a bundle: {@code shell} for the registry's shell, else
     * {@code bundle:SYMBOLICNAME}.
     *
     * @param bundle the calling bundle
     * @return its name
     */
    public static String of(Bundle bundle) {
        String name = bundle.getSymbolicName();
        if ("io.happyos.registry.shell".equals(name)) {
            return SHELL;
        }
        return "bundle:" + (name == null ? bundle.getBundleId() : name);
    }

    /**
     * A service factory handing each bundle a view of the registry that names it as the actor.
     *
     * @param registry the registry
     * @return the factory
     */
    public static ServiceFactory<DynamicRegistry> factory(DynamicRegistry registry) {
        return new ServiceFactory<>() {
            @Override
            public DynamicRegistry getService(Bundle bundle, ServiceRegistration<DynamicRegistry> registration) {
                return view(registry, of(bundle), bundle);
            }

            @Override
            public void ungetService(Bundle bundle, ServiceRegistration<DynamicRegistry> registration,
                    DynamicRegistry service) {
                // views hold nothing
            }
        };
    }

    /**
     * A view of the registry whose calls run on behalf of an actor.
     *
     * @param registry the registry
     * @param actor who calls through the view
     * @return the view
     */
    public static DynamicRegistry view(DynamicRegistry registry, String actor) {
        return view(registry, actor, null);
    }

    /**
     * A view of the registry whose calls run on behalf of an actor, and name the calling bundle.
     *
     * @param registry the registry
     * @param actor who calls through the view
     * @param bundle the bundle calling through the view, or {@code null}
     * @return the view
     */
    public static DynamicRegistry view(DynamicRegistry registry, String actor, Bundle bundle) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "DynamicRegistry for " + actor;
                };
            }
            Frame frame = FRAME.get();
            String outer = frame.actor;
            Bundle outerCaller = frame.caller;
            frame.actor = actor;
            frame.caller = bundle;
            try {
                return method.invoke(registry, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                frame.actor = outer;
                frame.caller = outerCaller;
            }
        };
        return (DynamicRegistry) Proxy.newProxyInstance(Actors.class.getClassLoader(),
                new Class<?>[] {DynamicRegistry.class}, handler);
    }
}
