package io.happyos.samples.weather;

import java.time.LocalDate;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Simulated forecasts: the same city and day always give the same forecast. Published as a service
 * by the weather-skill bundle.
 */
@ProviderType
public interface WeatherService {

    /**
     * The forecast for a city.
     *
     * @param city the city, not blank
     * @param day the day
     * @return the forecast, in the units of the {@code weather.units} setting (default metric)
     * @throws IllegalArgumentException for a blank city
     */
    Forecast forecast(String city, LocalDate day);

    /**
     * Today's forecast for the city of the {@code weather.city} setting (default Stockholm).
     *
     * @return the forecast
     */
    Forecast today();
}
