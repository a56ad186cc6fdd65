package io.happyos.registry.config.internal;

/**
 * A configuration file that cannot be read as its format says: where (line, 0 when unknown), what,
 * and how to fix it. The configuration it would change is kept as it is.
 */
final class ConfigSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final String problem;
    private final String fix;

    /**
     * @param line the line (from 1), or 0 when the problem has no one line
     * @param problem what is wrong
     * @param fix what to do about it
     */
    ConfigSyntaxException(int line, String problem, String fix) {
        super((line > 0 ? "line " + line + ": " : "") + problem + "; " + fix);
        this.line = line;
        this.problem = problem;
        this.fix = fix;
    }

    /** @return the line, from 1, or 0 when unknown */
    int line() {
        return line;
    }

    /** @return what is wrong */
    String problem() {
        return problem;
    }

    /** @return how to fix it */
    String fix() {
        return fix;
    }
}
