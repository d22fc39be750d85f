package dev.offboarding.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offboarding.process.DecisionRules;
import dev.offboarding.process.Decisions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Named sets of decisions ({@code offboarding.decision-templates.<name>.<decision>}) that a start request or a bulk row
 * names with {@code template}: an HR system sends "standard-leaver" and the leave date, the admins keep what that means
 * in one place. What a request gives itself wins over the template, field by field.
 */
@Component
public class DecisionTemplates {

    /** The templates as configured: name to decisions, with the field names of PROCESS.md. */
    @ConfigurationProperties("offboarding")
    public record Settings(@DefaultValue Map<String, Map<String, String>> decisionTemplates) {
    }

    private final Map<String, Decisions> templates = new TreeMap<>();

    public DecisionTemplates(Settings settings, ObjectMapper json) {
        ObjectMapper strict = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        settings.decisionTemplates().forEach((name, fields) -> {
            try {
                // Checked as a whole only with the request's own decisions on top: a template for shared mailboxes
                // names no delegate, each row does.
                templates.put(name, strict.convertValue(new LinkedHashMap<>(fields), Decisions.class));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("offboarding.decision-templates." + name + " is not a valid set of "
                        + "decisions: " + e.getMessage(), e);
            }
        });
    }

    /** The names an HR system may use. */
    public List<String> names() {
        return List.copyOf(templates.keySet());
    }

    /** The template's decisions with the request's own on top; the request's alone when it names no template. */
    public Decisions apply(String template, Decisions own) {
        if (template == null || template.isBlank()) {
            return own;
        }
        Decisions base = templates.get(template.strip());
        if (base == null) {
            throw ApiProblem.badRequest("template '" + DecisionRules.printable(template) + "' is not configured. "
                    + (templates.isEmpty() ? "No templates are configured (offboarding.decision-templates)."
                    : "Known templates: " + String.join(", ", templates.keySet()) + "."));
        }
        return own == null ? base : overlay(base, own);
    }

    private static Decisions overlay(Decisions base, Decisions own) {
        return new Decisions(
                pick(own.mailboxAction(), base.mailboxAction()), pick(own.mailboxDelegate(), base.mailboxDelegate()),
                pick(own.sharedMailboxDisplayName(), base.sharedMailboxDisplayName()),
                pick(own.autoReplyInternal(), base.autoReplyInternal()),
                pick(own.autoReplyExternal(), base.autoReplyExternal()), pick(own.removeAliases(), base.removeAliases()),
                pick(own.oneDriveOwner(), base.oneDriveOwner()), pick(own.removeLicenses(), base.removeLicenses()),
                pick(own.reduceLicenseCount(), base.reduceLicenseCount()), pick(own.resetPassword(), base.resetPassword()),
                pick(own.removeAuthenticationMethods(), base.removeAuthenticationMethods()),
                pick(own.hideFromAddressList(), base.hideFromAddressList()),
                pick(own.removeFromGroups(), base.removeFromGroups()), pick(own.removeInboxRules(), base.removeInboxRules()),
                pick(own.removeMobileDevices(), base.removeMobileDevices()),
                pick(own.cancelMeetings(), base.cancelMeetings()),
                pick(own.removeMailboxPermissions(), base.removeMailboxPermissions()),
                pick(own.forwardMailTo(), base.forwardMailTo()), pick(own.stopForwarding(), base.stopForwarding()));
    }

    private static <T> T pick(T own, T base) {
        if (own instanceof String text && text.isBlank()) {
            return base;
        }
        return own != null ? own : base;
    }
}
