package dev.offboarding.api;

import dev.offboarding.config.OffboardingProperties;
import dev.offboarding.tenant.sandbox.SandboxFaultInjector;
import dev.offboarding.tenant.sandbox.SandboxInspector;
import dev.offboarding.tenant.sandbox.SandboxMode;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Lets a person see the built-in sandbox tenant change as offboardings run. Only in sandbox mode. */
@RestController
@SandboxMode
@RequestMapping(path = "/api/sandbox", produces = MediaType.APPLICATION_JSON_VALUE)
class SandboxController {

    private final SandboxInspector inspector;
    private final SandboxFaultInjector faults;

    SandboxController(SandboxInspector inspector, SandboxFaultInjector faults) {
        this.inspector = inspector;
        this.faults = faults;
    }

    @GetMapping("/users")
    List<Map<String, Object>> users() {
        return inspector.users();
    }

    @GetMapping("/users/{userPrincipalName}")
    Map<String, Object> user(@PathVariable String userPrincipalName) {
        return inspector.user(userPrincipalName)
                .orElseThrow(() -> ApiProblem.notFound("The sandbox tenant has no user " + userPrincipalName + "."));
    }

    /** What the sandbox does wrong on purpose right now. */
    @GetMapping("/faults")
    OffboardingProperties.SandboxFaults faults() {
        return faults.faults();
    }

    /** Makes the sandbox throttle, fail, hang or rate-limit, to see the offboardings cope (global admins only). */
    @PutMapping(path = "/faults", consumes = MediaType.APPLICATION_JSON_VALUE)
    OffboardingProperties.SandboxFaults changeFaults(@RequestBody OffboardingProperties.SandboxFaults requested) {
        List<String> problems = new java.util.ArrayList<>();
        for (double share : new double[] {requested.throttledShare(), requested.serverErrorShare(), requested.timeoutShare()}) {
            if (share < 0 || share > 1) {
                problems.add("Shares are between 0 and 1.");
                break;
            }
        }
        if (requested.throttledShare() + requested.serverErrorShare() + requested.timeoutShare() > 1) {
            problems.add("throttledShare, serverErrorShare and timeoutShare add up to at most 1.");
        }
        if (requested.callsPerSecond() < 0 || requested.latency() == null || requested.latency().isNegative()
                || requested.retryAfter() == null || requested.retryAfter().isNegative()
                || requested.timeout() == null || requested.timeout().isNegative()) {
            problems.add("callsPerSecond, latency, retryAfter and timeout cannot be negative or missing.");
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-request", "Invalid faults",
                    String.join(" ", problems), problems);
        }
        faults.change(new OffboardingProperties.SandboxFaults(requested.throttledShare(), requested.retryAfter(),
                requested.serverErrorShare(), requested.timeoutShare(), requested.timeout(), requested.latency(),
                requested.callsPerSecond(),
                requested.failingOperations() == null ? List.of() : List.copyOf(requested.failingOperations())));
        return faults.faults();
    }

    @GetMapping("/mutations")
    List<SandboxInspector.Mutation> mutations(@RequestParam(required = false) String userPrincipalName) {
        return inspector.mutations(userPrincipalName);
    }
}
