package dev.offboarding.process;

/** Decisions were given at the start by someone who is not an admin allowed to decide. */
public class NotAllowedToDecideException extends RuntimeException {

    public NotAllowedToDecideException(String userId) {
        super(userId + " may not decide how users are offboarded: only members of global-admins and user-admins may "
                + "give decisions. Start the offboarding without decisions; an admin decides in Tasklist.");
    }
}
