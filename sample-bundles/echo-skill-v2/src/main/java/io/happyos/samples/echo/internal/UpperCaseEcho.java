package io.happyos.samples.echo.internal;

import io.happyos.samples.echo.Echo;
import java.util.Locale;

/** Version 2.0.0 of the echo: the text in upper case (locale-independent). */
final class UpperCaseEcho implements Echo {

    @Override
    public String echo(String text) {
        return text.toUpperCase(Locale.ROOT);
    }
}
