package dev.offboarding.tenant.graph;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code offboarding.graph.*}: the app registration and how the adapter talks to Microsoft 365.
 *
 * @param clientSecret          from the environment ({@code OFFBOARDING_GRAPH_CLIENT_SECRET}), never from a file in git
 * @param certificate           a PKCS#12 file with the app's certificate and private key; used instead of the secret
 * @param mailSender            the mailbox that sends mail to new OneDrive owners
 * @param maxConcurrentRequests requests in flight at once to the tenant, so a bulk run stays under Graph's limits
 * @param maxAttempts           attempts of one request on throttling, server errors and timeouts
 * @param maxInlineWait         longest Retry-After waited for inside a step; longer ones hand the wait to the step's retry
 * @param sharedMailboxWait     how long a conversion to a shared mailbox is polled before the step is retried later
 */
@ConfigurationProperties("offboarding.graph")
public record GraphProperties(
        String tenantId,
        String clientId,
        String clientSecret,
        Path certificate,
        String certificatePassword,
        @DefaultValue("https://login.microsoftonline.com") URI authorityUrl,
        @DefaultValue("https://graph.microsoft.com/v1.0") URI baseUrl,
        String mailSender,
        @DefaultValue("4") int maxConcurrentRequests,
        @DefaultValue("PT30S") Duration timeout,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("PT30S") Duration maxInlineWait,
        @DefaultValue("PT2M") Duration sharedMailboxWait,
        @DefaultValue("PT5S") Duration sharedMailboxPollInterval) {

    public URI tokenUri() {
        return URI.create(stripSlash(authorityUrl.toString()) + "/" + tenantId + "/oauth2/v2.0/token");
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A copy that hides the secrets, for logs and error messages. */
    @Override
    public String toString() {
        return "GraphProperties[tenantId=" + tenantId + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret == null ? "none" : "(hidden)") + ", certificate=" + certificate
                + ", authorityUrl=" + authorityUrl + ", baseUrl=" + baseUrl + "]";
    }
}
