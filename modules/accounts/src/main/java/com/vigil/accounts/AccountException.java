package com.vigil.accounts;

/** An account operation was refused or is invalid; the message is for the user and names no secret. */
public class AccountException extends RuntimeException {
    public AccountException(String message) {
        super(message);
    }
}
