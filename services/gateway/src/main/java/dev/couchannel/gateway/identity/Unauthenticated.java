package dev.couchannel.gateway.identity;

/** The request carries credentials the gateway does not accept; answered with 401. */
public final class Unauthenticated extends RuntimeException {

    public Unauthenticated(String detail) {
        super(detail, null, false, false);
    }
}
