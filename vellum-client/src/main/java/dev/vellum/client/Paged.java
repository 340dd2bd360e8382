package dev.vellum.client;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a paged list, page after page, fetched lazily: nothing is requested until the first
 * item is wanted, and each page is requested once, when the walk reaches it. Each call to
 * {@link #iterator()} or {@link #stream()} is a new walk from the first page.
 */
public final class Paged<T> implements Iterable<T> {
    private final Supplier<Step<T>> first;

    /** One fetched page: its items, and how to fetch the next (null after the last page). */
    record Step<T>(List<T> items, Supplier<Step<T>> next) {}

    Paged(Supplier<Step<T>> first) {
        this.first = first;
    }

    @Override
    public Iterator<T> iterator() {
        return new Walk<>(first);
    }

    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    private static final class Walk<T> implements Iterator<T> {
        private List<T> items = List.of();
        private int index;
        private Supplier<Step<T>> next;

        Walk(Supplier<Step<T>> first) {
            this.next = first;
        }

        @Override
        public boolean hasNext() {
            while (index >= items.size()) {
                if (next == null) return false;
                Step<T> step = next.get();
                items = step.items();
                next = step.next();
                index = 0;
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) throw new NoSuchElementException();
            return items.get(index++);
        }
    }
}
