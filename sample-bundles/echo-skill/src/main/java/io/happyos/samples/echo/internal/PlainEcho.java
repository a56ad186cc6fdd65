package io.happyos.samples.echo.internal;

import io.happyos.samples.echo.Echo;

/** Version 1.0.0 of the echo: the text, unchanged. */
final class PlainEcho implements Echo {

    @Override
    public String echo(String text) {
        return text;
    }
}
