package exchange.admin;

import exchange.api.Page;
import java.io.Serializable;

/** Paging for a console table: loads the current page once per request cycle, on demand. */
public abstract class PagedView<T> implements Serializable {
    private int page;
    private Page<T> current;

    protected abstract Page<T> load(int page);

    public Page<T> getCurrent() {
        if (current == null) {
            current = load(page);
        }
        return current;
    }

    public void search() {
        page = 0;
        current = null;
    }

    public void next() {
        if (page + 1 < getCurrent().pages()) {
            page++;
            current = null;
        }
    }

    public void previous() {
        if (page > 0) {
            page--;
            current = null;
        }
    }

    public int getPageNumber() {
        return page + 1;
    }
}
