package dev.offboarding.tenant.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Beans of the built-in sandbox tenant: present unless {@code offboarding.tenant.mode} names another tenant. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ConditionalOnProperty(name = "offboarding.tenant.mode", havingValue = "sandbox", matchIfMissing = true)
public @interface SandboxMode {
}
