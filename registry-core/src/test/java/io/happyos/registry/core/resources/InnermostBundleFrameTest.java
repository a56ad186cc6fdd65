package io.happyos.registry.core.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.core.resources.InnermostBundleFrame.Origin;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InnermostBundleFrameTest {

    private static final String BUNDLE_LOADER = "org.apache.felix.framework.BundleWiringImpl$BundleClassLoader";
    private static final String APP_LOADER = "jdk.internal.loader.ClassLoaders$AppClassLoader";

    /** A fake frame: its class, and the id and class of the loader that defined it (-1: the boot loader). */
    record Frame(String className, long loaderId, String loaderType) {}

    private static final InnermostBundleFrame.FrameReader<Frame> READER = new InnermostBundleFrame.FrameReader<>() {
        @Override
        public long loaderId(Frame frame) {
            return frame.loaderId();
        }

        @Override
        public String loaderType(Frame frame) {
            return frame.loaderType();
        }

        @Override
        public String className(Frame frame) {
            return frame.className();
        }
    };

    private final InnermostBundleFrame<Frame> attribution =
            new InnermostBundleFrame<>(READER, () -> Set.of(BUNDLE_LOADER));

    @Test
    void jdkFrameworkAndApplicationFramesArePassedOver() {
        List<Frame> stack = List.of(
                new Frame("java.util.HashMap", -1, null),
                new Frame("jdk.internal.misc.Unsafe", 0, null),
                new Frame("org.apache.felix.framework.Felix", 2, APP_LOADER),
                new Frame("com.acme.weather.Forecast", 17, BUNDLE_LOADER),
                new Frame("com.acme.base.Util", 18, BUNDLE_LOADER),
                new Frame("java.lang.Thread", -1, null));

        assertThat(attribution.find(stack)).isEqualTo(new Origin(17, "com.acme.weather.Forecast"));
    }

    @Test
    void aStackWithoutBundleCodeIsNobodys() {
        List<Frame> stack = List.of(
                new Frame("java.util.HashMap", -1, null), new Frame("org.apache.felix.framework.Felix", 2, APP_LOADER));

        assertThat(attribution.find(stack)).isNull();
        assertThat(attribution.find(List.of())).isNull();
    }

    @Test
    void aLoaderOfAnotherKindIsNotABundles() {
        List<Frame> stack = List.of(
                new Frame("Script1", 40, "groovy.lang.GroovyClassLoader$InnerLoader"),
                new Frame("com.acme.scripting.Runner", 17, BUNDLE_LOADER));

        assertThat(attribution.find(stack)).isEqualTo(new Origin(17, "com.acme.scripting.Runner"));
    }

    @Test
    void eachLoaderIsClassifiedOnceAndTheTypesAreReadWhenANewLoaderIsMet() {
        AtomicInteger reads = new AtomicInteger();
        InnermostBundleFrame<Frame> counting = new InnermostBundleFrame<>(READER, () -> {
            reads.incrementAndGet();
            return Set.of(BUNDLE_LOADER);
        });
        Frame bundle = new Frame("com.acme.A", 17, BUNDLE_LOADER);

        counting.find(List.of(bundle));
        counting.find(List.of(bundle));
        counting.find(List.of(new Frame("com.acme.B", 18, BUNDLE_LOADER)));

        assertThat(reads).hasValue(2);
    }
}
