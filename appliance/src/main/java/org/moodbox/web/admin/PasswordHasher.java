package org.moodbox.web.admin;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.moodbox.settings.PasswordHash;

/**
 * The admin password through the JDK's PBKDF2WithHmacSHA256 with a random 16-byte salt: slow on purpose, so a
 * stolen secrets file costs an attacker a lot per guess. 600,000 iterations is OWASP's 2023 figure for this
 * function; a Raspberry Pi 4 needs about a second per sign-in, which an owner signing in now and then does not
 * notice. No cryptography of our own: the JDK derives, we only compare in constant time.
 */
public final class PasswordHasher {
    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    static final int DEFAULT_ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;

    private final SecureRandom random = new SecureRandom();
    private final int iterations;

    public PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    PasswordHasher(int iterations) {
        this.iterations = iterations;
    }

    PasswordHash hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return new PasswordHash(ALGORITHM, iterations, b64.encodeToString(salt),
                b64.encodeToString(derive(password, salt, iterations)));
    }

    /** Derives with the stored salt and cost, so hashes made with another iteration count still verify. */
    boolean matches(char[] password, PasswordHash stored) {
        if (!ALGORITHM.equals(stored.algorithm())) {
            throw new IllegalStateException("the stored admin password uses " + stored.algorithm()
                    + ", which this version cannot check");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(stored.hash());
        byte[] actual = derive(password, b64.decode(stored.salt()), stored.iterations());
        return MessageDigest.isEqual(expected, actual); // constant time: no timing hint per matching byte
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        KeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is missing from this JDK", e);
        } finally {
            ((PBEKeySpec) spec).clearPassword();
        }
    }

    static void wipe(char[] password) {
        Arrays.fill(password, '\0');
    }
}
