package io.happyos.samples.skillrunner.internal;

import io.happyos.samples.calculator.Calculator;
import io.happyos.samples.echo.Echo;
import io.happyos.samples.greeting.GreetingService;
import io.happyos.samples.weather.Forecast;
import io.happyos.samples.weather.WeatherService;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the runner calls each kind of skill it knows. The skills' packages are dynamic imports: a
 * call whose package is not wired (the skill is not installed) fails to link and is left out, and
 * each call lives in its own class so that one missing package never hides the others.
 */
final class SkillCalls {

    private static final Logger LOG = LoggerFactory.getLogger(SkillCalls.class);

    private static final List<Supplier<Function<Object, Optional<String>>>> CALLS =
            List.of(CalculatorCall::new, WeatherCall::new, GreetingCall::new, EchoCall::new);

    private SkillCalls() {}

    /**
     * Calls a skill, if it is of a kind this runner knows.
     *
     * @param skill the skill's instance
     * @return what it said, or empty when no call fits it
     */
    static Optional<String> call(Object skill) {
        for (Supplier<Function<Object, Optional<String>>> call : CALLS) {
            Optional<String> said;
            try {
                said = call.get().apply(skill);
            } catch (LinkageError notWired) {
                LOG.trace("a skill package is not wired to skill-runner", notWired);
                continue;
            }
            if (said.isPresent()) {
                return said;
            }
        }
        return Optional.empty();
    }

    private static final class CalculatorCall implements Function<Object, Optional<String>> {
        @Override
        public Optional<String> apply(Object skill) {
            return skill instanceof Calculator calculator
                    ? Optional.of("12.5 * 4 = " + calculator.evaluate("12.5 * 4"))
                    : Optional.empty();
        }
    }

    private static final class WeatherCall implements Function<Object, Optional<String>> {
        @Override
        public Optional<String> apply(Object skill) {
            if (skill instanceof WeatherService weather) {
                Forecast today = weather.today();
                return Optional.of(today.city() + " " + today.day() + ": " + today.summary() + ", "
                        + today.temperature() + " " + (today.units().equals("imperial") ? "F" : "C"));
            }
            return Optional.empty();
        }
    }

    private static final class GreetingCall implements Function<Object, Optional<String>> {
        @Override
        public Optional<String> apply(Object skill) {
            return skill instanceof GreetingService greeting
                    ? Optional.of(greeting.greet("HappyOS"))
                    : Optional.empty();
        }
    }

    private static final class EchoCall implements Function<Object, Optional<String>> {
        @Override
        public Optional<String> apply(Object skill) {
            return skill instanceof Echo echo ? Optional.of(echo.echo("hello from skill-runner")) : Optional.empty();
        }
    }
}
