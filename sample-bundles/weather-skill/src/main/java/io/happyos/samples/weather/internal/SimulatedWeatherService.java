package io.happyos.samples.weather.internal;

import io.happyos.samples.config.ConfigService;
import io.happyos.samples.logger.LoggerService;
import io.happyos.samples.weather.Forecast;
import io.happyos.samples.weather.WeatherService;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/** Derives a stable pseudo-forecast from the city and the day. */
final class SimulatedWeatherService implements WeatherService {

    private static final List<String> SUMMARIES = List.of("sunny", "cloudy", "rain", "windy", "snow", "fog");

    private final Supplier<ConfigService> config;
    private final Supplier<LoggerService> log;

    SimulatedWeatherService(Supplier<ConfigService> config, Supplier<LoggerService> log) {
        this.config = config;
        this.log = log;
    }

    @Override
    public Forecast forecast(String city, LocalDate day) {
        if (city == null || city.isBlank()) {
            throw new IllegalArgumentException("city must not be blank");
        }
        int seed = Math.abs(Objects.hash(city.strip().toLowerCase(java.util.Locale.ROOT), day));
        String summary = SUMMARIES.get(seed % SUMMARIES.size());
        double celsius = (seed % 400) / 10.0 - 10.0;
        String units = setting("weather.units", "metric");
        double temperature = "imperial".equals(units) ? Math.round(celsius * 18 + 320) / 10.0 : celsius;
        Forecast forecast = new Forecast(city.strip(), day, summary, temperature, units);
        LoggerService logger = log.get();
        if (logger != null) {
            logger.info("weather-skill", "forecast " + forecast);
        }
        return forecast;
    }

    @Override
    public Forecast today() {
        return forecast(setting("weather.city", "Stockholm"), LocalDate.now());
    }

    private String setting(String key, String defaultValue) {
        ConfigService current = config.get();
        return current == null ? defaultValue : current.get(key, defaultValue);
    }
}
