package dev.offboarding.tenant;

/**
 * A way the user proves who they are besides the password (Microsoft Graph {@code authenticationMethod}).
 *
 * @param id   the method's id
 * @param type what kind it is, as Graph names it without the namespace: {@code phoneAuthenticationMethod},
 *             {@code microsoftAuthenticatorAuthenticationMethod}, {@code fido2AuthenticationMethod} …
 */
public record AuthenticationMethod(String id, String type) {
}
