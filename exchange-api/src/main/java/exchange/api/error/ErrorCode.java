package exchange.api.error;

/**
 * Every business rejection the exchange can give, with the HTTP status it maps to.
 * Clients switch on {@link #name()}, so names are part of the public API: never rename one.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400, "The request is missing a field or a field is malformed."),
    MALFORMED_JSON(400, "The request body is not valid JSON."),
    INVALID_EMAIL(400, "The e-mail address is not valid."),
    WEAK_PASSWORD(400, "The password must be 8 to 128 characters and contain a letter and a digit."),
    CODE_INVALID(400, "The verification code is wrong."),
    CODE_EXPIRED(400, "There is no valid verification code for this address; request a new one."),
    CODE_TRIES_EXCEEDED(400, "Too many wrong codes; request a new one."),
    CODE_RATE_LIMITED(429, "A code was sent to this address less than a minute ago."),
    UNKNOWN_ASSET(400, "No such asset, or it is disabled."),
    UNKNOWN_NETWORK(400, "This asset cannot be deposited or withdrawn on that network."),
    INVALID_ADDRESS(400, "The address is not a valid address of that network (format or checksum)."),
    BELOW_MINIMUM(400, "The amount is below the minimum withdrawal for this asset and network."),
    TOTP_REQUIRED(400, "This account has two-factor authentication on: send the code from the authenticator app."),
    TOTP_INVALID(400, "The two-factor code is wrong, expired or already used."),
    TOTP_LOCKED(429, "Too many wrong two-factor codes: try again later."),
    TOTP_NOT_ENABLED(400, "Turn on two-factor authentication first: this change needs a code from the authenticator app."),
    ADDRESS_NOT_WHITELISTED(400, "The withdrawal whitelist is on and this address is not on it."),
    WITHDRAWAL_NOT_PENDING(409, "The withdrawal is not waiting for review."),
    WITHDRAWAL_NOT_CANCELABLE(409, "Only an approved withdrawal that is not signed yet can be canceled."),
    INVALID_AMOUNT(400, "The amount must be a non-zero number with no more decimals than the asset allows."),
    INSUFFICIENT_BALANCE(400, "The account does not have enough available balance."),
    UNKNOWN_SYMBOL(400, "No such symbol."),
    SYMBOL_HALTED(409, "Trading on this symbol is halted; only cancels are accepted."),
    INVALID_ORDER(400, "This combination of side, type, time in force and amounts is not allowed."),
    INVALID_PRICE(400, "The price must be positive, a multiple of the symbol's price tick and within range."),
    INVALID_QUANTITY(400, "The quantity must be positive, a multiple of the symbol's quantity step and within range."),
    NOTIONAL_TOO_SMALL(400, "Price x quantity is below the symbol's minimum notional."),
    INVALID_INTERVAL(400, "The kline interval must be one of 1m 5m 15m 1h 4h 1d."),
    NO_LIQUIDITY(409, "The book has no asks to price a market buy by quantity; give quoteQuantity or a limit price."),
    ORDER_NOT_OPEN(409, "The order is already filled, canceled or expired."),
    API_KEY_REJECTED(401, "Invalid API key, IP, or permissions for this action."),
    SIGNATURE_INVALID(400, "The request's signature is not valid."),
    TIMESTAMP_OUTSIDE_RECV_WINDOW(400, "The request's timestamp is outside of the receive window."),
    API_KEYS_UNAVAILABLE(503, "API keys cannot be used now: no master key is configured."),
    TOO_MANY_REQUESTS(429, "Too many requests from this address; wait as Retry-After says."),
    TOO_MANY_ORDERS(429, "Too many new orders from this account; wait as Retry-After says."),
    IP_BANNED(418, "This address kept sending after being told to wait and is banned for a while."),
    KYC_LEVEL_INVALID(400, "Apply for the next KYC level above the one you have."),
    KYC_PENDING(409, "A KYC application is already waiting for review."),
    KYC_NOT_PENDING(409, "The KYC application is not waiting for review."),
    KYC_DOCUMENTS_MISSING(409, "The application lacks a document its level asks for."),
    DOCUMENT_INVALID(400, "The document is of a kind, type or size that is not accepted, or its content is not what its type says."),
    WITHDRAWAL_LIMIT_EXCEEDED(400, "This withdrawal would pass the daily limit of your KYC level."),
    EXCHANGE_READ_ONLY(503, "The exchange is read-only for maintenance: no new orders or withdrawals; cancels work."),
    BROKER_UNAVAILABLE(503, "The message broker did not answer; try again."),
    ENGINE_UNAVAILABLE(503, "The matching engine did not answer in time; retry with the same clientOrderId."),
    ALREADY_REPLAYED(409, "This dead letter was replayed already."),
    WALLET_FROZEN(403, "This wallet is frozen by an operator: no withdrawals."),
    FOUR_EYES_REQUIRED(409, "This needs the approval of a second, different operator who existed before it was asked for."),
    ADJUSTMENT_NOT_PENDING(409, "The adjustment is not waiting for approval."),
    TRADING_LIMIT_EXCEEDED(400, "This order would pass a trading limit of your KYC level."),
    SESSION_INVALID(401, "The session was ended or the refresh token is not valid: sign in again."),
    LOGIN_LOCKED(429, "Too many failed sign-ins for this account: try again later."),
    BAD_CREDENTIALS(401, "E-mail or password is wrong."),
    UNAUTHENTICATED(401, "A valid bearer token is required."),
    FORBIDDEN(403, "This action is not allowed for this account."),
    NOT_FOUND(404, "No such resource."),
    METHOD_NOT_ALLOWED(405, "This method is not allowed on this resource."),
    UNSUPPORTED_MEDIA_TYPE(415, "Send the body as application/json."),
    SYMBOL_EXISTS(409, "This symbol is already listed."),
    EMAIL_TAKEN(409, "An account with this e-mail already exists."),
    PROBE_ROLLED_BACK(409, "The probe transaction was rolled back on purpose; nothing was published."),
    DEPOSITS_UNAVAILABLE(503, "Deposits on this chain are not available right now."),
    MAIL_UNAVAILABLE(503, "The verification e-mail could not be sent; try again later."),
    SMS_UNAVAILABLE(503, "The verification text message could not be sent; try again later."),
    PATH_NOT_CANONICAL(400, "The request path has dot segments, empty segments, path parameters, backslashes or escaped separators."),
    BODY_TOO_LARGE(413, "The request body is larger than this endpoint accepts."),
    INTERNAL(500, "Unexpected error.");

    private final int httpStatus;
    private final String message;

    ErrorCode(int httpStatus, String message) {
        this.httpStatus = httpStatus;
        this.message = message;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String message() {
        return message;
    }
}
