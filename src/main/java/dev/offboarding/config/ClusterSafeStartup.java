package dev.offboarding.config;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the start-up set-up (in its @Order) while holding a row lock of the shared database, so that nodes starting
 * together create every group, authorization, filter and demo user once. Camunda's services join the transaction.
 */
@Component
class ClusterSafeStartup implements ApplicationRunner {

    private final List<StartupSetup> setups;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;

    ClusterSafeStartup(List<StartupSetup> setups, PlatformTransactionManager transactionManager, JdbcClient jdbc) {
        this.setups = setups;
        this.transaction = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("select id from setup_lock where id = 1 for update").query(Integer.class).single();
            setups.forEach(StartupSetup::setUp);
        });
    }
}
