package io.happyos.registry.shell.internal;

import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.Lifecycle;
import io.happyos.registry.Registration;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real registry as the commands see it, counting the status listeners they leave registered:
 * every call goes to the registry; only the {@link Registration} of {@code addStatusListener} is
 * wrapped, to count it open until it is closed.
 */
final class ListenerCount {

    private final AtomicInteger open = new AtomicInteger();

    /** @return how many status listeners the commands have added and not removed */
    int open() {
        return open.get();
    }

    /** @return the registry, counting the listeners added through its lifecycle view */
    DynamicRegistry counting(DynamicRegistry registry) {
        return proxy(
                DynamicRegistry.class,
                registry,
                (method, args, result) -> method.getName().equals("lifecycle")
                        ? proxy(Lifecycle.class, registry.lifecycle(), this::lifecycleCall)
                        : null);
    }

    private Object lifecycleCall(Method method, Object[] args, Object result) {
        if (!method.getName().equals("addStatusListener")) {
            return null;
        }
        Registration registration = (Registration) result;
        open.incrementAndGet();
        return (Registration) () -> {
            registration.close();
            open.decrementAndGet();
        };
    }

    /** What to answer instead of the target's result, or null to answer the result. */
    @FunctionalInterface
    interface Replacement {
        Object apply(Method method, Object[] args, Object result) throws Exception;
    }

    /**
     * An object of an interface that delegates every call to a target, answering some differently.
     *
     * @param type the interface
     * @param target the object answering by default
     * @param override what to answer instead of a call's result (null when the call failed), or null for
     *     the result (or the failure)
     * @return the delegating object
     */
    static <T> T proxy(Class<T> type, T target, Replacement override) {
        InvocationHandler handler = (p, method, args) -> {
            Object result = null;
            Throwable failure = null;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                failure = e.getCause();
            }
            // an answer also stands in for a call that failed (a method the registry does not answer)
            Object replaced = override.apply(method, args, result);
            if (replaced != null) {
                return replaced;
            }
            if (failure != null) {
                throw failure;
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(ListenerCount.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
