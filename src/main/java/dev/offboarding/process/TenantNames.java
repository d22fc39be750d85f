package dev.offboarding.process;

import dev.offboarding.tenant.AuthenticationMethod;
import java.util.Map;

/** Names an admin reads for what the tenant calls by its type names. */
final class TenantNames {

    private static final Map<String, String> AUTHENTICATION_METHODS = Map.of(
            "phoneAuthenticationMethod", "phone",
            "microsoftAuthenticatorAuthenticationMethod", "Microsoft Authenticator",
            "fido2AuthenticationMethod", "security key (FIDO2)",
            "softwareOathAuthenticationMethod", "authenticator app (OATH)",
            "emailAuthenticationMethod", "email",
            "windowsHelloForBusinessAuthenticationMethod", "Windows Hello for Business",
            "temporaryAccessPassAuthenticationMethod", "Temporary Access Pass",
            "platformCredentialAuthenticationMethod", "platform credential",
            "passwordlessMicrosoftAuthenticatorAuthenticationMethod", "passwordless Microsoft Authenticator");

    private TenantNames() {
    }

    static String authenticationMethod(AuthenticationMethod method) {
        return AUTHENTICATION_METHODS.getOrDefault(method.type(), method.type());
    }
}
