package dev.offboarding.api;

import dev.offboarding.tenant.sandbox.SandboxInspector;
import dev.offboarding.tenant.sandbox.SandboxMode;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Lets a person see the built-in sandbox tenant change as offboardings run. Only in sandbox mode. */
@RestController
@SandboxMode
@RequestMapping(path = "/api/sandbox", produces = MediaType.APPLICATION_JSON_VALUE)
class SandboxController {

    private final SandboxInspector inspector;

    SandboxController(SandboxInspector inspector) {
        this.inspector = inspector;
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

    @GetMapping("/mutations")
    List<SandboxInspector.Mutation> mutations(@RequestParam(required = false) String userPrincipalName) {
        return inspector.mutations(userPrincipalName);
    }
}
