package dev.offboarding.production;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The whole application (demo logins, sandbox tenant) on a fresh database of the shared real PostgreSQL, on a random
 * port, without the job executor: tests run jobs themselves. The class must add the datasource with
 * {@code @DynamicPropertySource} from {@link SharedPostgres#newDatabase()}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.username=postgres",
        "camunda.bpm.job-execution.enabled=false",
        "offboarding.backup.directory=target/test-backups/${random.uuid}",
        "logging.level.org.camunda.bpm.engine.context=off",
        "logging.level.org.camunda.bpm.engine.jobexecutor=off"})
public @interface PostgresSpringTest {
}
