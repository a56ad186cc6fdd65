package io.happyos.registry.core.internal;

import io.happyos.registry.DynamicRegistry;
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
     * Who is calling on a thread: one small stack per thread, pushed and popped around each call,
     * so a call through a view neither allocates nor adds and removes thread-local entries.
     */
    static final class Frame {
        private String[] actors = new String[4];
        /** The bundles whose view of the service is calling, for usage telemetry. */
        private Bundle[] callers = new Bundle[4];
        private int depth;

        /** Calls on behalf of an actor and a calling bundle until {@link #pop()}. */
        Frame push(String actor, Bundle caller) {
            if (depth == actors.length) {
                actors = java.util.Arrays.copyOf(actors, depth * 2);
                callers = java.util.Arrays.copyOf(callers, depth * 2);
            }
            actors[depth] = actor;
            callers[depth] = caller;
            depth++;
            return this;
        }

        /** Back to the caller before the last {@link #push}. */
        void pop() {
            depth--;
            actors[depth] = null;
            callers[depth] = null;
        }

        String actor() {
            return depth == 0 ? null : actors[depth - 1];
        }

        Bundle caller() {
            return depth == 0 ? null : callers[depth - 1];
        }
    }

    private static final ThreadLocal<Frame> FRAME = ThreadLocal.withInitial(Frame::new);

    private Actors() {
    }

    /** @return who is calling on this thread ({@link #REGISTRY} when nobody said) */
    public static String current() {
        String actor = FRAME.get().actor();
        return actor == null ? REGISTRY : actor;
    }

    /**
     * The bundle calling the registry service on this thread, through its own view of it.
     *
     * @return the bundle, or {@code null} when the call did not come through a bundle's view
     */
    public static Bundle callerBundle() {
        return FRAME.get().caller();
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
        frame.push(actor, frame.caller());
        try {
            return work.call();
        } finally {
            frame.pop();
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
        return new ActorView(registry, actor, bundle);
    }

    /**
     * Starts a call on behalf of an actor on this thread; end it with {@link Frame#pop()}.
     *
     * @param actor who
     * @param bundle the calling bundle, or {@code null}
     * @return the thread's frame
     */
    static Frame push(String actor, Bundle bundle) {
        return FRAME.get().push(actor, bundle);
    }
}
