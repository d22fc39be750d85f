package dev.offboarding.tenant.graph;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What Microsoft Graph cannot tell about subscriptions, told by the admin:
 * {@code offboarding.graph.licensing.volume-licensing-skus: [EMSPREMIUM]},
 * {@code offboarding.graph.licensing.commitment-end-dates: {VISIOCLIENT: 2027-06-30}} (SKU part numbers).
 */
@ConfigurationProperties("offboarding.graph.licensing")
public record GraphLicensingSettings(@DefaultValue List<String> volumeLicensingSkus,
                                     @DefaultValue Map<String, LocalDate> commitmentEndDates) {
}
