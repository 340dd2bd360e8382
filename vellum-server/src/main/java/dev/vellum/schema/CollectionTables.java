package dev.vellum.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vellum.storage.Tx;
import java.sql.SQLException;
import java.util.List;

/**
 * What creating, changing and removing a collection needs from its entry table. Schema decides what a
 * change means; the table belongs to {@code content}, which implements this ({@code content.EntryTables}),
 * so schema never depends on content. Calls run inside the caller's write transaction.
 */
public interface CollectionTables {

    void create(Tx tx, CollectionSchema c) throws SQLException;

    void drop(Tx tx, CollectionSchema c) throws SQLException;

    void addField(Tx tx, CollectionSchema c, Field f) throws SQLException;

    void dropField(Tx tx, CollectionSchema c, Field f) throws SQLException;

    void renameField(Tx tx, CollectionSchema c, Field from, Field to) throws SQLException;

    /** Adds a temporary column for {@code f}'s new type; returns its name. */
    String addTemporary(Tx tx, CollectionSchema c, Field f) throws SQLException;

    /** Replaces {@code old}'s column by the temporary column, under {@code replacement}'s name and indexes. */
    void swapIn(Tx tx, CollectionSchema c, Field old, String temp, Field replacement) throws SQLException;

    void reindex(Tx tx, CollectionSchema c, Field f) throws SQLException;

    /** Once a schema change has been applied to the table, with the schemas before and after (same table). */
    default void changed(Tx tx, CollectionSchema before, CollectionSchema after) throws SQLException {
    }

    long count(Tx tx, CollectionSchema c) throws SQLException;

    /** Every (id, value) of one column where the value is not null, in id order. */
    List<IdValue> column(Tx tx, CollectionSchema c, Field f) throws SQLException;

    /** Ids of entries where a column is NULL, for a field becoming required. */
    List<String> nullIn(Tx tx, CollectionSchema c, Field f, int limit) throws SQLException;

    long countNull(Tx tx, CollectionSchema c, Field f) throws SQLException;

    /** Ids of entries whose value appears more than once in a column, for a field becoming unique. */
    List<String> duplicated(Tx tx, CollectionSchema c, Field f, int limit) throws SQLException;

    /** Sets one column for the given entries (values already normalised for {@code f}'s type). */
    void setColumn(Tx tx, CollectionSchema c, String column, Field f, List<IdValue> values) throws SQLException;

    /** One entry's value in one column. */
    record IdValue(String id, JsonNode value) {}
}
