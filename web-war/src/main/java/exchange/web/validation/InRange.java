package exchange.web.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A query parameter's bounds. Not {@code @Min}/{@code @Max}: Payara 6.2025.9's OpenAPI generator
 * fails the whole document (a NullPointerException) on a standard bean-validation annotation of a
 * parameter that is not a {@code @PathParam}.
 */
@Constraint(validatedBy = InRange.Check.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface InRange {
    long min();

    long max();

    String message() default "must be between {min} and {max}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<InRange, Number> {
        private long min;
        private long max;

        @Override
        public void initialize(InRange range) {
            min = range.min();
            max = range.max();
        }

        @Override
        public boolean isValid(Number value, ConstraintValidatorContext context) {
            return value == null || (value.longValue() >= min && value.longValue() <= max);
        }
    }
}
