package io.happyos.samples.greeting.internal;

import io.happyos.samples.greeting.GreetingService;
import org.osgi.service.component.annotations.Component;

/** A sad {@link GreetingService} that says goodbye; disabled until the registry enables it. */
@Component(
        name = "farewell",
        enabled = false,
        service = GreetingService.class,
        property = {"happyos.component.type=skill", "mood=sad"})
public final class FarewellGreeter implements GreetingService {

    @Override
    public String greet(String name) {
        return "Goodbye, " + name;
    }
}
