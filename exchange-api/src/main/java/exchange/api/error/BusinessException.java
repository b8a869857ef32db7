package exchange.api.error;

import jakarta.ejb.ApplicationException;

/**
 * A rejection the client caused. Rolls the JTA transaction back, so a rejected request leaves
 * nothing half-written, and reaches the REST layer unwrapped.
 */
@ApplicationException(rollback = true)
public class BusinessException extends RuntimeException {
    private final ErrorCode code;

    public BusinessException(ErrorCode code) {
        this(code, code.message());
    }

    public BusinessException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
