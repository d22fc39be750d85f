package dev.offboarding.tenant.graph;

import java.security.SecureRandom;

/**
 * Passwords nobody knows: 24 characters drawn with {@link SecureRandom} from upper- and lower-case letters, digits and
 * symbols, at least one of each, so that they meet Microsoft Entra ID's strong-password rule (8 to 256 characters,
 * three of the four kinds). Characters that look alike (I, l, O, 0, 1) are left out; nobody reads these passwords, but
 * it costs nothing.
 */
final class RandomPasswords {

    static final int LENGTH = 24;
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "!#$%&*+-=?@^_";
    private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;

    private final SecureRandom random;

    RandomPasswords() {
        this(new SecureRandom());
    }

    RandomPasswords(SecureRandom random) {
        this.random = random;
    }

    /** A new password; the caller sends it and forgets it. */
    String next() {
        char[] password = new char[LENGTH];
        password[0] = pick(UPPER);
        password[1] = pick(LOWER);
        password[2] = pick(DIGITS);
        password[3] = pick(SYMBOLS);
        for (int i = 4; i < LENGTH; i++) {
            password[i] = pick(ALL);
        }
        for (int i = LENGTH - 1; i > 0; i--) { // Fisher-Yates, so the four kinds are not always first
            int j = random.nextInt(i + 1);
            char swap = password[i];
            password[i] = password[j];
            password[j] = swap;
        }
        return new String(password);
    }

    private char pick(String characters) {
        return characters.charAt(random.nextInt(characters.length()));
    }
}
