package dev.offboarding.tenant.graph;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code offboarding.exchange.*}: the Exchange Online admin API, {@code POST {base-url}/{tenantId}/InvokeCommand}. */
@ConfigurationProperties("offboarding.exchange")
public record ExchangeProperties(@DefaultValue("https://outlook.office365.com/adminapi/beta") URI baseUrl) {
}
