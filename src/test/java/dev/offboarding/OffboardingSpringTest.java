package dev.offboarding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The whole application on a random port and an in-memory H2 database of its own, with the sandbox tenant and the
 * demo logins, and without the job executor: tests run the jobs themselves and move the engine's clock for timers.
 * The engine keeps its default name, which /engine-rest looks it up by; each test class closes its context when it
 * is done, so that name is never taken twice.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:${random.uuid};DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "offboarding.backup.directory=target/test-backups/${random.uuid}",
        // Steps that fail on purpose would fill the test output with the engine's stack traces.
        "logging.level.org.camunda.bpm.engine.context=off",
        "logging.level.org.camunda.bpm.engine.jobexecutor=off"
})
public @interface OffboardingSpringTest {
}
