package dev.offboarding.tenant.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomPasswordsTest {

    @Test
    void everyPasswordHasAllFourKindsOfCharacterAndNoneRepeats() {
        RandomPasswords passwords = new RandomPasswords();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String password = passwords.next();
            assertThat(password).hasSize(RandomPasswords.LENGTH).containsPattern("[A-Z]").containsPattern("[a-z]")
                    .containsPattern("[2-9]").containsPattern("[!#$%&*+\\-=?@^_]").doesNotContainPattern("[IlO01\\s]");
            seen.add(password);
        }
        assertThat(seen).hasSize(2000);
    }

    @Test
    void theFourGuaranteedKindsAreNotAlwaysInFront() {
        RandomPasswords passwords = new RandomPasswords();
        Set<Character> firstCharacters = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            firstCharacters.add(passwords.next().charAt(0));
        }
        assertThat(firstCharacters.stream().filter(Character::isDigit)).isNotEmpty();
        assertThat(firstCharacters.stream().filter(Character::isLowerCase)).isNotEmpty();
    }
}
