package io.happyos.samples.greeting.internal;

import io.happyos.samples.greeting.GreetingService;
import io.happyos.samples.logger.LoggerService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default {@link GreetingService}: says hello and logs each greeting to the LoggerService. */
@Component(
        name = "greeting",
        service = GreetingService.class,
        property = {"happyos.component.type=skill"})
public final class FriendlyGreeter implements GreetingService {

    private static final Logger LOG = LoggerFactory.getLogger(FriendlyGreeter.class);

    @Reference
    private LoggerService log;

    @Activate
    void activate() {
        LOG.info("greeting component activated");
    }

    @Deactivate
    void deactivate() {
        LOG.info("greeting component deactivated");
    }

    @Override
    public String greet(String name) {
        String greeting = "Hello, " + name + "!";
        log.info("greeting-skill", "greeted " + name);
        return greeting;
    }
}
