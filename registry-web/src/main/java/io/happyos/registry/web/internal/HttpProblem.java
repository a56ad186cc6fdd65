package io.happyos.registry.web.internal;

import io.happyos.registry.CircularDependencyException;
import io.happyos.registry.ComponentNotFoundException;
import io.happyos.registry.RegistryException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A request that cannot be served, with the status and the one message the client gets.
 */
final class HttpProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final int BAD_REQUEST = 400;
    static final int UNAUTHORIZED = 401;
    static final int FORBIDDEN = 403;
    static final int NOT_FOUND = 404;
    static final int METHOD_NOT_ALLOWED = 405;
    static final int CONFLICT = 409;
    static final int TOO_LARGE = 413;
    static final int UNPROCESSABLE = 422;
    static final int SERVER_ERROR = 500;
    static final int UNAVAILABLE = 503;

    private final int status;

    HttpProblem(int status, String message) {
        super(message);
        this.status = status;
    }

    /**
     * The registry service is not there (the core bundle is stopped, or not started yet).
     *
     * @return a 503 saying what to start
     */
    static HttpProblem registryUnavailable() {
        return new HttpProblem(
                UNAVAILABLE, "the registry service is not available: start the bundle io.happyos.registry.core");
    }

    int status() {
        return status;
    }

    /**
     * The status and message for what the registry threw.
     *
     * @param failure the exception, possibly wrapped by a future
     * @return the problem
     */
    static HttpProblem of(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof HttpProblem problem) {
            return problem;
        }
        String message = t.getMessage() == null ? t.toString() : t.getMessage();
        if (t instanceof ComponentNotFoundException) {
            return new HttpProblem(NOT_FOUND, message);
        }
        if (t instanceof CircularDependencyException) {
            return new HttpProblem(CONFLICT, message);
        }
        if (t instanceof IllegalArgumentException) {
            return new HttpProblem(BAD_REQUEST, message);
        }
        if (t instanceof RegistryException || t instanceof IllegalStateException) {
            // the request was understood, but the registry's state refuses it (an activator that
            // threw, a dependency that is not there, a version that is not kept)
            return new HttpProblem(CONFLICT, message);
        }
        return new HttpProblem(SERVER_ERROR, "the request failed unexpectedly: " + message);
    }
}
