package dev.offboarding.config;

import dev.offboarding.tenant.TenantCalls;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Real waiting between attempts; tests replace it to watch the waits. */
@Configuration
class TenantCallsConfiguration {

    @Bean
    TenantCalls.Sleeper tenantSleeper() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
