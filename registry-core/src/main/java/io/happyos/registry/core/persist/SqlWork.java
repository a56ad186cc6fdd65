package io.happyos.registry.core.persist;

import java.sql.Connection;
import java.sql.SQLException;

/** A change to the registry database, run by the {@link DurableWriter} inside its transaction. */
@FunctionalInterface
public interface SqlWork {

    /**
     * Makes the change. Must not commit, roll back or begin transactions: the writer does.
     *
     * @param c the write connection, inside a transaction
     * @throws SQLException when the change cannot be made; only this work is then rolled back
     */
    void run(Connection c) throws SQLException;
}
