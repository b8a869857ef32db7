package exchange.admin.users;

import exchange.admin.PagedView;
import exchange.api.Page;
import exchange.api.user.UserDirectory;
import exchange.api.user.UserView;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/** Users, newest first, 20 to a page, filtered by part of the e-mail. */
@Named
@ViewScoped
public class UsersPage extends PagedView<UserView> {
    @EJB
    private UserDirectory directory;
    private String filter = "";

    @Override
    protected Page<UserView> load(int page) {
        return directory.users(page, 20, filter);
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter == null ? "" : filter.trim();
    }
}
