package dev.vellum.graphql;

/**
 * GraphQL names of a collection: its id with {@code -} as {@code _} names both the entry type and the
 * list field (as Directus does); the page type ends in {@code _Page} (upper case: no collection id can
 * make it, so it never collides with another collection).
 */
final class Names {
    private Names() {}

    static String type(String collectionId) {
        String name = collectionId.replace('-', '_');
        return Character.isDigit(name.charAt(0)) ? "_" + name : name; // a GraphQL name cannot start with a digit
    }

    static String list(String collectionId) {
        return type(collectionId);
    }

    static String byId(String collectionId) {
        return type(collectionId) + "_by_id";
    }

    static String page(String collectionId) {
        return type(collectionId) + "_Page";
    }
}
