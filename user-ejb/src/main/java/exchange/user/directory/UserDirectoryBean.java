package exchange.user.directory;

import exchange.api.Page;
import exchange.api.user.UserDirectory;
import exchange.api.user.UserView;
import exchange.user.account.User;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@Stateless
public class UserDirectoryBean implements UserDirectory {
    @PersistenceContext(unitName = "user")
    private EntityManager em;

    @Override
    public Page<UserView> users(int page, int size, String emailContains) {
        String pattern = "%" + (emailContains == null ? "" : emailContains.toLowerCase().replace("%", "")) + "%";
        long total = em.createQuery("SELECT COUNT(u) FROM User u WHERE u.email LIKE :p", Long.class)
                .setParameter("p", pattern).getSingleResult();
        var items = em.createQuery("SELECT u FROM User u WHERE u.email LIKE :p ORDER BY u.id DESC", User.class)
                .setParameter("p", pattern)
                .setFirstResult(page * size).setMaxResults(size)
                .getResultStream().map(UserDirectoryBean::view).toList();
        return new Page<>(items, page, size, total);
    }

    @Override
    public Optional<UserView> user(long id) {
        return Optional.ofNullable(em.find(User.class, id)).map(UserDirectoryBean::view);
    }

    private static UserView view(User u) {
        return new UserView(u.id(), u.email(), u.status(), u.createdAt());
    }

    @Override
    public long registeredBetween(java.time.Instant from, java.time.Instant to) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM exchange_user.users WHERE created_at >= ?1 AND created_at < ?2")
                .setParameter(1, java.sql.Timestamp.from(from)).setParameter(2, java.sql.Timestamp.from(to)).getSingleResult()).longValue();
    }
}
