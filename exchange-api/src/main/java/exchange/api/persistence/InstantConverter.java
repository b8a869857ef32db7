package exchange.api.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Instants as DATETIME(6) in UTC. JPA 3.1 (EclipseLink 4 in Payara 6) has no Instant mapping and
 * would otherwise store a serialized object. Listed in every service's persistence.xml.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Timestamp> {
    @Override
    public Timestamp convertToDatabaseColumn(Instant value) {
        return value == null ? null : Timestamp.from(value);
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp value) {
        return value == null ? null : value.toInstant();
    }

    /**
     * A DATETIME read by a native query: the MySQL driver hands back a LocalDateTime, written
     * from a Timestamp in the JVM's zone, or a Timestamp.
     */
    public static Instant fromColumn(Object value) {
        return value instanceof java.time.LocalDateTime t ? Timestamp.valueOf(t).toInstant() : ((Timestamp) value).toInstant();
    }
}
