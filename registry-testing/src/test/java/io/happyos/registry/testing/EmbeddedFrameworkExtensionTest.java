package io.happyos.registry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.service.resolver.Resolver;

/** The extension without the registry: what any framework offers is injected. */
@EmbeddedFramework(registry = false, properties = "happyos.test.marker = on")
class EmbeddedFrameworkExtensionTest {

    @InjectFramework
    EmbeddedFelix felix;

    @InjectBundleContext
    BundleContext context;

    @InjectService(filter = "(" + Constants.SERVICE_BUNDLEID + "=0)")
    Resolver resolver;

    @Test
    void fieldsGetTheRunningFrameworkItsContextAndItsServices() {
        assertThat(felix.framework().getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(context).isSameAs(felix.context());
        assertThat(resolver).isNotNull();
        assertThat(context.getProperty("happyos.test.marker")).isEqualTo("on");
        assertThat(context.getProperty(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA))
                .isEqualTo(EmbeddedFelix.systemPackagesExtra());
    }

    @Test
    void parametersToo(@InjectFramework Framework framework, @InjectService Resolver injected) {
        assertThat(framework).isSameAs(felix.framework());
        assertThat(injected).isSameAs(resolver);
    }

    @Test
    void eachTestHasAFreshFramework() {
        assertThat(context.getBundles()).hasSize(1);
        assertThat(felix.storage()).isDirectory();
    }
}
