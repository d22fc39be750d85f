package dev.offboarding.tenant.graph;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Beans of the Microsoft 365 adapter: present with {@code offboarding.tenant.mode=graph}. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ConditionalOnProperty(name = "offboarding.tenant.mode", havingValue = "graph")
public @interface GraphMode {
}
