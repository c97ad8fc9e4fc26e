package org.neuroarchive.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoginAttemptsTest {

    @Test
    void typosFromOneAddressBlockThatAddressOnly() {
        LoginAttempts attempts = new LoginAttempts();
        for (int i = 0; i < LoginAttempts.PER_PAIR; i++) {
            assertEquals(0, attempts.blockedSeconds("alice", "10.0.0.1"));
            attempts.failed("alice", "10.0.0.1");
        }
        assertTrue(attempts.blockedSeconds("alice", "10.0.0.1") > 0, "blocked after " + LoginAttempts.PER_PAIR);
        assertEquals(0, attempts.blockedSeconds("alice", "10.0.0.2"), "alice from her own machine");
        assertEquals(0, attempts.blockedSeconds("bob", "10.0.0.1"), "another account from that address");
    }

    @Test
    void guessingSpreadOverAddressesOrAccountsIsBlockedToo() {
        LoginAttempts attempts = new LoginAttempts();
        for (int i = 0; i < LoginAttempts.PER_LOGIN; i++) {
            attempts.failed("admin", "10.1.0." + i);
        }
        assertTrue(attempts.blockedSeconds("admin", "10.9.9.9") > 0, "one account guessed from many addresses");
        for (int i = 0; i < LoginAttempts.PER_ADDRESS; i++) {
            attempts.failed("user" + i, "10.2.0.1");
        }
        assertTrue(attempts.blockedSeconds("someone-else", "10.2.0.1") > 0, "many accounts guessed from one address");
    }

    @Test
    void aCorrectPasswordForgivesTheTyposOfItsAddress() {
        LoginAttempts attempts = new LoginAttempts();
        for (int i = 0; i < LoginAttempts.PER_PAIR - 1; i++) {
            attempts.failed("carol", "10.0.0.3");
        }
        attempts.succeeded("carol", "10.0.0.3");
        attempts.failed("carol", "10.0.0.3");
        assertEquals(0, attempts.blockedSeconds("carol", "10.0.0.3"));
    }
}
