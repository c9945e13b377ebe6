package com.vigil.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    @Test
    void defaultParametersAreStoredWithTheHashAndVerify() {
        PasswordHasher h = new PasswordHasher(PasswordHasher.Params.DEFAULT);
        String phc = h.hash("Correct-Horse-42".toCharArray());
        assertTrue(phc.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), phc);
        assertTrue(h.verify("Correct-Horse-42".toCharArray(), phc));
        assertFalse(h.verify("Correct-Horse-43".toCharArray(), phc));
        assertFalse(h.needsRehash(phc));
    }

    @Test
    void saltedSoEqualPasswordsHashDifferently() {
        PasswordHasher h = new PasswordHasher(Fixture.FAST);
        assertNotEquals(h.hash("same password!".toCharArray()), h.hash("same password!".toCharArray()));
    }

    @Test
    void hashMadeWithOtherParametersStillVerifiesAndAsksForRehash() {
        String old = new PasswordHasher(Fixture.FAST).hash("密码是很长的一句话".toCharArray());
        PasswordHasher now = new PasswordHasher(new PasswordHasher.Params(2048, 1, 1));
        assertTrue(now.verify("密码是很长的一句话".toCharArray(), old));
        assertTrue(now.needsRehash(old));
    }

    @Test
    void knownArgon2idVectorFromRfc9106ParametersMatchesBouncyCastle() {
        // PHC string produced by the reference implementation (argon2 CLI):
        // echo -n "password" | argon2 somesalt -id -t 2 -k 65536 -p 1 -l 32 -e
        String phc = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        PasswordHasher h = new PasswordHasher(Fixture.FAST);
        assertTrue(h.verify("password".toCharArray(), phc));
        assertFalse(h.verify("Password".toCharArray(), phc));
    }

    @Test
    void malformedOrMissingHashesNeverVerify() {
        PasswordHasher h = new PasswordHasher(Fixture.FAST);
        for (String bad : new String[] {null, "", "plain", "$argon2i$v=19$m=1024,t=1,p=1$c29tZXNhbHQ$AAAA",
                "$argon2id$v=19$m=x,t=1,p=1$c29tZXNhbHQ$AAAAAAAAAAAAAAAAAAAAAA", "$argon2id$v=19$m=1024,t=1,p=1$!!$!!"}) {
            assertFalse(h.verify("anything at all".toCharArray(), bad), String.valueOf(bad));
        }
    }

    @Test
    void policyMinimumLengthAndNotTheUserName() {
        PasswordPolicy p = PasswordPolicy.DEFAULT;
        assertTrue(p.problem("alice", "short".toCharArray()).isPresent());
        assertTrue(p.problem("alice", "123456789".toCharArray()).isPresent());
        assertTrue(p.problem("operator01", "OPERATOR01".toCharArray()).orElseThrow().contains("user name"));
        assertEquals(java.util.Optional.empty(), p.problem("alice", "1234567890".toCharArray()));
        assertEquals(java.util.Optional.empty(), p.problem("alice", "十个汉字的密码很安全的".toCharArray()));
    }
}
