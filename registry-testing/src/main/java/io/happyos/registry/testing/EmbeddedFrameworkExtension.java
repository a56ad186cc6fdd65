package io.happyos.registry.testing;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Starts the framework {@link EmbeddedFramework} describes before each test, injects what the
 * test's fields and parameters ask for, and stops it after the test. Use it through
 * {@link EmbeddedFramework}.
 */
public final class EmbeddedFrameworkExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmbeddedFrameworkExtension.class);

    /** A test's framework and the trackers of the services injected from it. */
    private record Running(EmbeddedFelix felix, List<ServiceTracker<?, ?>> trackers) {}

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        EmbeddedFramework config = AnnotationSupport.findAnnotation(
                        context.getRequiredTestClass(), EmbeddedFramework.class)
                .orElseThrow(() -> new ExtensionConfigurationException(
                        context.getRequiredTestClass().getName() + " is not annotated @EmbeddedFramework"));
        EmbeddedFelix felix = EmbeddedFelix.start(properties(config));
        Running running = new Running(felix, new ArrayList<>());
        context.getStore(NAMESPACE).put(Running.class, running);
        if (config.scr()) {
            felix.withScr();
        }
        if (config.registry()) {
            felix.withRegistry();
        }
        for (String bundle : config.bundles()) {
            felix.installRuntime(bundlePath(bundle)).start();
        }
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            injectFields(instance, running);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Running running = context.getStore(NAMESPACE).remove(Running.class, Running.class);
        if (running == null) {
            return;
        }
        try {
            running.trackers().forEach(ServiceTracker::close);
        } finally {
            running.felix().close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.isAnnotated(InjectService.class)
                || parameter.isAnnotated(InjectBundleContext.class)
                || parameter.isAnnotated(InjectFramework.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = context.getStore(NAMESPACE).get(Running.class, Running.class);
        if (running == null) {
            throw new ParameterResolutionException("no framework runs for " + parameter.getDeclaringExecutable()
                    + ": inject into test methods and @BeforeEach methods only");
        }
        try {
            return valueFor(parameter.getParameter(), parameter.getParameter().getType(), running);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParameterResolutionException("interrupted while waiting for a service", e);
        }
    }

    private static void injectFields(Object instance, Running running) throws Exception {
        for (Class<?> type = instance.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(InjectService.class)
                        || field.isAnnotationPresent(InjectBundleContext.class)
                        || field.isAnnotationPresent(InjectFramework.class)) {
                    field.setAccessible(true);
                    field.set(instance, valueFor(field, field.getType(), running));
                }
            }
        }
    }

    private static Object valueFor(AnnotatedElement element, Class<?> type, Running running)
            throws InterruptedException {
        EmbeddedFelix felix = running.felix();
        if (element.isAnnotationPresent(InjectBundleContext.class)) {
            return expect(type, BundleContext.class, felix.context());
        }
        if (element.isAnnotationPresent(InjectFramework.class)) {
            if (type == Framework.class) {
                return felix.framework();
            }
            return expect(type, EmbeddedFelix.class, felix);
        }
        InjectService inject = element.getAnnotation(InjectService.class);
        ServiceTracker<?, ?> tracker = new ServiceTracker<>(felix.context(), filter(type, inject.filter()), null);
        running.trackers().add(tracker);
        tracker.open(true);
        Object service = tracker.waitForService(inject.timeout());
        if (service == null) {
            throw new AssertionError("no " + type.getName()
                    + (inject.filter().isEmpty() ? "" : " service matching " + inject.filter())
                    + " within " + inject.timeout() + " ms");
        }
        return service;
    }

    private static Object expect(Class<?> declared, Class<?> offered, Object value) {
        if (!declared.isAssignableFrom(offered)) {
            throw new ExtensionConfigurationException(
                    "cannot inject a " + offered.getSimpleName() + " into a " + declared.getName());
        }
        return value;
    }

    private static Filter filter(Class<?> type, String more) {
        String objectClass = "(objectClass=" + type.getName() + ")";
        try {
            return FrameworkUtil.createFilter(more.isEmpty() ? objectClass : "(&" + objectClass + more + ")");
        } catch (InvalidSyntaxException e) {
            throw new ExtensionConfigurationException("bad @InjectService filter " + more + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> properties(EmbeddedFramework config) {
        Map<String, String> properties = new HashMap<>();
        for (String property : config.properties()) {
            int equals = property.indexOf('=');
            if (equals <= 0) {
                throw new ExtensionConfigurationException("framework property '" + property + "' is not key=value");
            }
            properties.put(
                    property.substring(0, equals).trim(),
                    property.substring(equals + 1).trim());
        }
        return properties;
    }

    private static Path bundlePath(String bundle) {
        if (bundle.startsWith("${") && bundle.endsWith("}")) {
            return Paths.get(EmbeddedFelix.requiredProperty(bundle.substring(2, bundle.length() - 1)));
        }
        return EmbeddedFelix.itBundle(bundle);
    }
}
