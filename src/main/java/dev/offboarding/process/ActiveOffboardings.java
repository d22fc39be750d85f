package dev.offboarding.process;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which user is being offboarded by which process instance. Written in the transaction that starts the instance:
 * the table's primary key lets only one of two racing starts for the same user commit.
 */
@Component
public class ActiveOffboardings {

    private final JdbcClient jdbc;
    private final RuntimeService runtimeService;
    private final Clock clock;

    public ActiveOffboardings(JdbcClient jdbc, RuntimeService runtimeService, Clock clock) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /** Registers the instance for the user, or refuses because another one is still running. */
    public void register(String userPrincipalName, String processInstanceId) {
        Optional<String> registered = jdbc.sql("select process_instance_id from active_offboarding where user_principal_name = :upn")
                .param("upn", userPrincipalName)
                .query(String.class)
                .optional();
        if (registered.isPresent()) {
            if (!registered.get().equals(processInstanceId) && isRunning(registered.get())) {
                throw new OffboardingAlreadyRunningException(userPrincipalName, registered.get());
            }
            // Left behind by an instance that was deleted without its listeners: it no longer counts.
            jdbc.sql("delete from active_offboarding where user_principal_name = :upn").param("upn", userPrincipalName).update();
        }
        jdbc.sql("insert into active_offboarding (user_principal_name, process_instance_id, started_at) values (:upn, :pid, :at)")
                .param("upn", userPrincipalName)
                .param("pid", processInstanceId)
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
    }

    public void release(String userPrincipalName, String processInstanceId) {
        jdbc.sql("delete from active_offboarding where user_principal_name = :upn and process_instance_id = :pid")
                .param("upn", userPrincipalName)
                .param("pid", processInstanceId)
                .update();
    }

    private boolean isRunning(String processInstanceId) {
        // Inside the engine (the start listener) this check must not depend on what the starting admin may read.
        CommandContext commandContext = Context.getCommandContext();
        if (commandContext == null) {
            return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
        }
        commandContext.disableAuthorizationCheck();
        try {
            return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
        } finally {
            commandContext.enableAuthorizationCheck();
        }
    }
}
