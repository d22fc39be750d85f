package dev.offboarding.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offboarding.process.Decisions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionTemplatesTest {

    private static DecisionTemplates templates(Map<String, Map<String, String>> configured) {
        return new DecisionTemplates(new DecisionTemplates.Settings(configured), new ObjectMapper());
    }

    @Test
    void theRequestsOwnDecisionsWinFieldByField() {
        DecisionTemplates templates = templates(Map.of("keep-mail", Map.of("mailboxAction", "CONVERT_TO_SHARED",
                "removeInboxRules", "true", "cancelMeetings", "true", "autoReplyInternal", "Gone")));
        Decisions own = new Decisions(null, "diego.siciliani@contoso.com", null, " ", null, null, null, null, null,
                null, null, null, null, null, null, false, null, null, null);
        Decisions applied = templates.apply("keep-mail", own);
        assertThat(applied.mailboxAction()).isEqualTo("CONVERT_TO_SHARED");
        assertThat(applied.mailboxDelegate()).isEqualTo("diego.siciliani@contoso.com");
        assertThat(applied.removeInboxRules()).isTrue();
        assertThat(applied.cancelMeetings()).isFalse();
        assertThat(applied.autoReplyInternal()).as("a blank text keeps the template's").isEqualTo("Gone");
        assertThat(templates.apply(null, own)).isSameAs(own);
        assertThat(templates.apply("keep-mail", null).mailboxAction()).isEqualTo("CONVERT_TO_SHARED");
    }

    @Test
    void aTemplateWithAFieldThatIsNoDecisionStopsTheStartWithItsName() {
        assertThatThrownBy(() -> templates(Map.of("typo", Map.of("mailboxActoin", "DELETE"))))
                .hasMessageContaining("offboarding.decision-templates.typo is not a valid set of decisions")
                .hasMessageContaining("mailboxActoin");
    }

    @Test
    void anUnknownTemplateIsABadRequestNamingTheKnownOnes() {
        assertThatThrownBy(() -> templates(Map.of("a", Map.of(), "b", Map.of())).apply("c", null))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("Known templates: a, b.");
    }
}
