package exchange.web.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A string's length when given (not {@code @Size}, for the reason {@link InRange} gives: a record's fields are its constructor's parameters too). */
@Constraint(validatedBy = Length.Check.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface Length {
    int min() default 0;

    int max();

    String message() default "size must be between {min} and {max}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Length, CharSequence> {
        private int min;
        private int max;

        @Override
        public void initialize(Length length) {
            min = length.min();
            max = length.max();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || (value.length() >= min && value.length() <= max);
        }
    }
}
