package io.happyos.registry.core.persist;

import java.sql.SQLException;

/**
 * A function that may fail with an {@link SQLException}, for reading the registry database.
 *
 * @param <T> what it takes
 * @param <R> what it returns
 */
@FunctionalInterface
public interface SqlFunction<T, R> {

    /**
     * @param t the input, for example a connection
     * @return the result
     * @throws SQLException when the database cannot answer
     */
    R apply(T t) throws SQLException;
}
