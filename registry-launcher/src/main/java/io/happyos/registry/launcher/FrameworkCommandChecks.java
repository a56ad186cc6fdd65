package io.happyos.registry.launcher;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the framework's own shell commands fail as registry commands do, by throwing: in every
 * session of the CommandProcessor (the launcher's {@code -c}, standard input and interactive shell,
 * and the SSH shell), {@code felix:start 999} then ends with {@code Error: Bundle ID '999' is
 * invalid.} and a {@code -c} run with exit code 1.
 *
 * <p>Each command of {@link FrameworkCommandResults} is added to the processor again, in the same
 * scope with a higher ranking, as a Gogo {@code Function}: a {@link Proxy} on the runtime's own
 * interface, since the launcher has no Gogo classes on its class path. The function runs the
 * original command through Gogo's {@code Reflective.invoke}, so that its options, argument
 * conversion and help stay Gogo Command's, and throws when {@link FrameworkCommandResults} reads
 * the result as a failure. The commands are added to the processor, not registered as services, so
 * that {@code help} still describes the originals.
 */
final class FrameworkCommandChecks implements AutoCloseable {

    static final String SCOPE = "felix";
    /** Above the ranking 0 of Gogo Command's services. */
    static final int RANKING = 100;

    private static final Logger LOG = LoggerFactory.getLogger(FrameworkCommandChecks.class);
    private static final String BASIC = "org.apache.felix.gogo.command.Basic";
    private static final String INSPECT = "org.apache.felix.gogo.command.Inspect";
    private static final String FUNCTION = "org.apache.felix.service.command.Function";
    private static final String SESSION = "org.apache.felix.service.command.CommandSession";
    private static final String REFLECTIVE = "org.apache.felix.gogo.runtime.Reflective";

    private final Object processor;
    private final Method removeCommand;
    private final List<Object[]> added;

    private FrameworkCommandChecks(Object processor, Method removeCommand, List<Object[]> added) {
        this.processor = processor;
        this.removeCommand = removeCommand;
        this.added = added;
    }

    /**
     * Adds the checked commands to a processor.
     *
     * @param context the framework's bundle context, to find Gogo Command's services at each call
     * @param processor the Gogo runtime's {@code CommandProcessor}
     * @param gogo the Gogo runtime bundle's class loader
     * @return what to close to take them away again; it does nothing when the processor is not Gogo
     *     runtime 1.1's (logged: the originals then run unchecked)
     */
    static FrameworkCommandChecks install(BundleContext context, Object processor, ClassLoader gogo) {
        List<Object[]> added = new ArrayList<>();
        try {
            Class<?> function = gogo.loadClass(FUNCTION);
            Method invoke = gogo.loadClass(REFLECTIVE)
                    .getMethod("invoke", gogo.loadClass(SESSION), Object.class, String.class, List.class);
            Method add =
                    processor.getClass().getMethod("addCommand", String.class, Object.class, String.class, int.class);
            Method remove = processor.getClass().getMethod("removeCommand", String.class, String.class, Object.class);
            for (String name : FrameworkCommandResults.BASIC) {
                added.add(addOne(context, processor, gogo, function, invoke, add, BASIC, name));
            }
            for (String name : FrameworkCommandResults.INSPECT) {
                added.add(addOne(context, processor, gogo, function, invoke, add, INSPECT, name));
            }
            return new FrameworkCommandChecks(processor, remove, added);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn(
                    "The framework's shell commands (felix:start, ...) report failures as output only: {}",
                    GogoCommands.rootMessage(e));
            LOG.debug("Checking the framework's shell commands is not possible", e);
            return new FrameworkCommandChecks(processor, null, List.of());
        }
    }

    private static Object[] addOne(
            BundleContext context,
            Object processor,
            ClassLoader gogo,
            Class<?> function,
            Method invoke,
            Method add,
            String service,
            String name)
            throws ReflectiveOperationException {
        Object checked =
                Proxy.newProxyInstance(gogo, new Class<?>[] {function}, new Check(context, service, name, invoke));
        add.invoke(processor, SCOPE, checked, name, RANKING);
        return new Object[] {name, checked};
    }

    @Override
    public void close() {
        if (removeCommand == null) {
            return;
        }
        for (Object[] command : added) {
            try {
                removeCommand.invoke(processor, SCOPE, command[0], command[1]);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.debug("Removing the checked felix:{} failed", command[0], e);
            }
        }
    }

    /** One checked command: runs the original and throws its failure. */
    private static final class Check implements InvocationHandler {

        private final BundleContext context;
        private final String service;
        private final String name;
        private final Method invoke;

        Check(BundleContext context, String service, String name, Method invoke) {
            this.context = context;
            this.service = service;
            this.name = name;
            this.invoke = invoke;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Exception {
            return switch (method.getName()) {
                case "execute" -> execute(args[0], (List<?>) args[1]);
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                case "toString" -> SCOPE + ":" + name + " (failures thrown)";
                default -> throw new UnsupportedOperationException(method.getName());
            };
        }

        private Object execute(Object session, List<?> arguments) throws Exception {
            ServiceReference<?> reference = reference();
            Object target = context.getService(reference);
            try {
                if (name.equals("install") && arguments.size() > 1) {
                    return installEach(session, target, arguments);
                }
                Object result = call(session, target, arguments);
                Optional<String> failure = FrameworkCommandResults.failure(name, arguments, result);
                if (failure.isPresent()) {
                    throw new FrameworkCommandException(failure.get());
                }
                return FrameworkCommandResults.shown(name, result);
            } finally {
                context.ungetService(reference);
            }
        }

        /** One URL at a time: with several, Gogo Command drops the failures once one succeeds. */
        private Object installEach(Object session, Object target, List<?> urls) throws Exception {
            List<String> installed = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            for (Object url : urls) {
                Object result = call(session, target, List.of(url));
                Optional<String> failure = FrameworkCommandResults.failure(name, List.of(url), result);
                if (failure.isPresent()) {
                    failed.add(url + ": " + failure.get());
                } else {
                    installed.add(String.valueOf(result).strip().substring("Bundle ID: ".length()));
                }
            }
            if (!failed.isEmpty()) {
                throw new FrameworkCommandException(String.join("; ", failed)
                        + (installed.isEmpty() ? "" : " (installed: Bundle IDs " + String.join(", ", installed) + ")"));
            }
            return "Bundle IDs: " + String.join(", ", installed);
        }

        private Object call(Object session, Object target, List<?> arguments) throws Exception {
            try {
                return invoke.invoke(null, session, target, name, new ArrayList<Object>(arguments));
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof IllegalArgumentException cause
                        && String.valueOf(cause.getMessage()).startsWith("Cannot coerce ")) {
                    Optional<String> unknown =
                            FrameworkCommandResults.unknownBundles(arguments, id -> context.getBundle(id) != null);
                    if (unknown.isPresent()) {
                        throw new FrameworkCommandException(unknown.get());
                    }
                }
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw e;
            }
        }

        private ServiceReference<?> reference() throws InvalidSyntaxException {
            ServiceReference<?>[] references = context.getAllServiceReferences(service, null);
            if (references == null) {
                throw new FrameworkCommandException("felix:" + name + " is not available: the bundle"
                        + " org.apache.felix.gogo.command is not active ('lb gogo' shows its state)");
            }
            return Arrays.stream(references).max(Comparable::compareTo).orElseThrow();
        }
    }

    /** A framework command's failure, with Gogo Command's own message. */
    static final class FrameworkCommandException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        FrameworkCommandException(String message) {
            super(message);
        }
    }
}
