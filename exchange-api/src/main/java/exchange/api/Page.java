package exchange.api;

import java.io.Serializable;
import java.util.List;

/** One page of a longer list; pages count from 0. */
public record Page<T>(List<T> items, int page, int size, long total) implements Serializable {
    public long pages() {
        return size == 0 ? 0 : (total + size - 1) / size;
    }
}
