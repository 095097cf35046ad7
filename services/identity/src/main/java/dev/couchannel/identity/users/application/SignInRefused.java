package dev.couchannel.identity.users.application;

import org.springframework.security.core.AuthenticationException;

/** A refused sign-in, with the words the login page shows. */
public class SignInRefused extends AuthenticationException {

    public SignInRefused(String message) {
        super(message);
    }
}
