package io.happyos.registry.shell.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * The frames of a live command ({@code watch}, {@code top}, {@code events --follow}): on a terminal
 * each frame replaces the last (clear screen, home); elsewhere frames follow one another, separated
 * by a blank line, without escape codes; with JSON, one object per line.
 *
 * <p>Frames are printed on the command's thread. The command ends when it is interrupted (Ctrl-C
 * interrupts the command's thread in Gogo): the interrupt is taken as "stop", not as a failure.
 */
final class LiveView {

    private final CommandContext ctx;
    private final Pacer pacer;
    private final Ansi ansi;
    private boolean first = true;

    /**
     * A live view printing to a context.
     *
     * @param ctx where to print
     * @param pacer how to wait between frames
     */
    LiveView(CommandContext ctx, Pacer pacer) {
        this.ctx = ctx;
        this.pacer = pacer;
        this.ansi = ctx.ansi();
    }

    /** @return what the output can show */
    Ansi ansi() {
        return ansi;
    }

    /** @return the time source of the pacing */
    Pacer pacer() {
        return pacer;
    }

    /**
     * Shows one frame of text.
     *
     * @param frame the frame
     * @param replace whether it replaces the previous frame on a terminal (false for a single frame)
     */
    void frame(String frame, boolean replace) {
        if (replace && ansi.cursor()) {
            ctx.printRaw(ansi.clearScreen());
        } else if (!first) {
            ctx.printRaw("\n");
        }
        first = false;
        ctx.print(frame);
    }

    /**
     * Shows one frame as JSON, on one line.
     *
     * @param frame the frame's value
     */
    void json(Object frame) {
        first = false;
        ctx.printJson(frame);
    }

    /**
     * Waits for the next frame.
     *
     * @param wake released to end the wait early, or {@code null}
     * @param max the longest wait
     * @return {@code false} when the command was interrupted and should stop
     */
    boolean pause(Semaphore wake, Duration max) {
        try {
            pacer.pause(wake, max);
            return !Thread.interrupted();
        } catch (InterruptedException stop) {
            return false; // Ctrl-C: the interrupt is consumed, so the shell's next command runs clean
        }
    }

    /**
     * Reads an {@code --interval} option.
     *
     * @param command the command, for the error
     * @param millis the value given, in milliseconds
     * @return the interval
     * @throws IllegalArgumentException when it is no whole number or shorter than 50 ms
     */
    static Duration interval(String command, String millis) {
        return Duration.ofMillis(
                OptionValues.wholeNumber(command, "--interval (milliseconds)", millis, 50, Long.MAX_VALUE));
    }
}
