package io.happyos.samples.weather;

import java.time.LocalDate;

/**
 * One day's forecast.
 *
 * @param city the city
 * @param day the day
 * @param summary e.g. {@code "sunny"}
 * @param temperature the expected high, in {@code units}
 * @param units {@code metric} (°C) or {@code imperial} (°F)
 */
public record Forecast(String city, LocalDate day, String summary, double temperature, String units) {}
