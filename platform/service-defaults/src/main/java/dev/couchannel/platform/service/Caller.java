package dev.couchannel.platform.service;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is calling, as the gateway vouches for it. The gateway strips any client-sent
 * {@value #HEADER} and sets it from a verified token, so services never trust a browser's word.
 * (Until the identity service lands the gateway accepts local placeholder tokens in local mode
 * only; token validation in every service replaces this header then.)
 *
 * @param id the user's id (an email address in local mode)
 */
public record Caller(String id) {

    public static final String HEADER = "X-Couchannel-User";

    /**
     * @throws ApiProblem 401 when the request carries no identity
     */
    public static Caller require(HttpServletRequest request) {
        String id = request.getHeader(HEADER);
        if (id == null || id.isBlank()) {
            throw ApiProblem.unauthorized("Sign in first: send 'Authorization: Bearer <token>' "
                    + "(locally, ./couchannel token <email> prints one).");
        }
        return new Caller(id);
    }
}
