package io.happyos.registry.bench.cluster;

/**
 * A change made on one side and seen on the other, timed from the call that makes it to the
 * callback on the other side that sees it. One change at a time.
 */
interface PropagationPath extends AutoCloseable {

    /**
     * Makes the next change and waits until the other side has seen it.
     *
     * @return nanoseconds from the call that made the change to the other side's callback
     * @throws Exception when the change fails or is not seen within 10 s
     */
    long change() throws Exception;

    /** Removes its listeners and closes its clients. */
    @Override
    void close();
}
