package dev.offboarding.api;

import dev.offboarding.config.OffboardingProperties;
import dev.offboarding.process.DecisionRules;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Starts the rows of bulk requests a few at a time: a start spends most of its time waiting for the database and the
 * tenant, so starting rows side by side keeps the cores busy. Rows for the same user start one after the other in
 * their order (the later one finds the earlier running: 409), and each row starts as the caller, who is handed to the
 * engine on the thread that starts it (Camunda's authentication is per thread).
 */
@Component
class BulkStarts {

    private final OffboardingService offboardings;
    private final IdentityService identityService;
    private final ExecutorService starters;

    BulkStarts(OffboardingService offboardings, IdentityService identityService, OffboardingProperties properties) {
        this.offboardings = offboardings;
        this.identityService = identityService;
        int threads = Math.max(1, properties.bulk() == null ? 4 : properties.bulk().parallelStarts());
        AtomicInteger number = new AtomicInteger();
        ThreadFactory named = work -> {
            Thread thread = new Thread(work, "bulk-start-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.starters = Executors.newFixedThreadPool(threads, named);
    }

    /** One result per row, in the order of the rows; a bad row never stops the others. */
    BulkResult startAll(List<BulkRequests.Row> rows) {
        BulkResult.Row[] results = new BulkResult.Row[rows.size()];
        Map<String, List<Integer>> byUser = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            BulkRequests.Row row = rows.get(i);
            if (row.problem() != null) {
                results[i] = new BulkResult.Row(row.number(), row.userPrincipalName(), row.problem().status().value(),
                        null, null, Problems.of(row.problem()));
            } else {
                byUser.computeIfAbsent(DecisionRules.normalized(row.request().userPrincipalName()), u -> new ArrayList<>())
                        .add(i);
            }
        }
        Authentication caller = identityService.getCurrentAuthentication();
        List<CompletableFuture<Void>> users = new ArrayList<>();
        for (List<Integer> sameUser : byUser.values()) {
            users.add(CompletableFuture.runAsync(() -> {
                for (int i : sameUser) {
                    results[i] = startAs(caller, rows.get(i));
                }
            }, starters));
        }
        try {
            CompletableFuture.allOf(users.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException | CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("A bulk start failed: " + cause.getMessage(), cause);
        }
        return BulkResult.of(List.of(results));
    }

    private BulkResult.Row startAs(Authentication caller, BulkRequests.Row row) {
        if (caller != null) {
            identityService.setAuthentication(caller);
        }
        try {
            String id = offboardings.start(row.request());
            return new BulkResult.Row(row.number(), row.request().userPrincipalName(), 201, id,
                    "/api/offboardings/" + id, null);
        } catch (RuntimeException e) {
            var problem = Problems.of(e);
            return new BulkResult.Row(row.number(), row.userPrincipalName(), problem.getStatus(), null, null, problem);
        } finally {
            identityService.clearAuthentication();
        }
    }

    @PreDestroy
    void stop() {
        starters.shutdownNow();
    }
}
