package org.moodbox.settings;

import java.util.Objects;

/**
 * A stored admin password: the key derivation's name and cost, its salt and its output (Base64). Never the
 * password. Keeping the algorithm and cost with each hash lets a later version raise the cost without
 * locking the owner out.
 */
public record PasswordHash(String algorithm, int iterations, String salt, String hash) {
    public PasswordHash {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(hash, "hash");
        if (iterations <= 0) {
            throw new IllegalArgumentException("iterations must be positive");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[" + algorithm + ", " + iterations + " iterations]"; // never print the hash
    }
}
