package dev.offboarding.tenant.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offboarding.OffboardingSpringTest;
import dev.offboarding.tenant.Directory;
import dev.offboarding.tenant.Licensing;
import dev.offboarding.tenant.MailboxInfo;
import dev.offboarding.tenant.MailboxType;
import dev.offboarding.tenant.Mailboxes;
import dev.offboarding.tenant.Mailer;
import dev.offboarding.tenant.OneDrive;
import dev.offboarding.tenant.PurchaseChannel;
import dev.offboarding.tenant.Subscription;
import dev.offboarding.tenant.TenantException;
import dev.offboarding.tenant.TenantUser;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The sandbox tenant holds the demo users every path needs and answers like Microsoft 365 does. */
@OffboardingSpringTest
class SandboxTenantTest {

    @Autowired SandboxDemoData demoData;
    @Autowired SandboxInspector inspector;
    @Autowired Directory directory;
    @Autowired Mailboxes mailboxes;
    @Autowired OneDrive oneDrive;
    @Autowired Licensing licensing;
    @Autowired Mailer mailer;

    @BeforeEach
    void fresh() {
        demoData.reset();
    }

    @Test
    void demoTenantHasAUserForEveryPath() {
        TenantUser ordinary = directory.findUser("adele.vance@contoso.com").orElseThrow();
        // E3 assigned directly, Visio through the group "Visio users": Graph's assignedLicenses names both.
        assertThat(ordinary.assignedSkuIds()).containsExactly(SandboxDemoData.E3, SandboxDemoData.VISIO_PLAN_2);
        assertThat(ordinary.proxyAddresses()).contains("SMTP:adele.vance@contoso.com", "smtp:adele@contoso.com");
        assertThat(mailboxes.findMailbox("alex.wilber@contoso.com").orElseThrow().forwardingEnabled()).isTrue();
        assertThat(mailboxes.findMailbox("megan.bowen@contoso.com").orElseThrow().type()).isEqualTo(MailboxType.SharedMailbox);
        assertThat(directory.findUser("lee.gu@contoso.com").orElseThrow().onPremisesSyncEnabled()).isTrue();
        MailboxInfo large = mailboxes.findMailbox("nestor.wilke@contoso.com").orElseThrow();
        assertThat(large.over50Gb()).isTrue();
        Subscription partner = subscription(directory.findUser("isaiah.langer@contoso.com").orElseThrow().assignedSkuIds().get(0));
        assertThat(partner.purchaseChannel()).isEqualTo(PurchaseChannel.PARTNER);
        assertThat(directory.findUser("patti.fernandez@contoso.com").orElseThrow().isGlobalAdmin()).isTrue();
        assertThat(directory.countGlobalAdmins()).isEqualTo(1);
        assertThat(mailboxes.findMailbox("grady.archie@contoso.com")).isEmpty();
        assertThat(oneDrive.findDrive("grady.archie@contoso.com")).isEmpty();
        assertThat(inspector.users()).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void mailboxesHoldRealMimeMessages() throws Exception {
        var folders = mailboxes.listFolders("adele.vance@contoso.com");
        assertThat(folders).extracting(f -> f.path()).contains("Inbox", "Inbox/Projects", "Sent Items", "Archive");
        var first = new java.util.ArrayList<String>();
        mailboxes.forEachMessage("adele.vance@contoso.com", folders.get(0).id(), m -> first.add(m.id()));
        ByteArrayOutputStream mime = new ByteArrayOutputStream();
        mailboxes.copyMimeContent("adele.vance@contoso.com", first.get(0), mime);
        var parsed = new jakarta.mail.internet.MimeMessage(null, new java.io.ByteArrayInputStream(mime.toByteArray()));
        assertThat(parsed.getMessageID()).endsWith("@contoso.com>");
        assertThat(parsed.getSubject()).isNotBlank();
        assertThat(folders.stream().mapToLong(f -> f.totalItemCount()).sum())
                .isEqualTo(mailboxes.findMailbox("adele.vance@contoso.com").orElseThrow().itemCount());
    }

    @Test
    void anAccountThatExchangeStillNeedsCannotBeDeleted() {
        String alex = directory.findUser("alex.wilber@contoso.com").orElseThrow().id();
        assertThatThrownBy(() -> directory.deleteUser(alex)).isInstanceOf(TenantException.class)
                .hasMessageContaining("User can't be deleted. Try again later.");
        String megan = directory.findUser("megan.bowen@contoso.com").orElseThrow().id();
        assertThatThrownBy(() -> directory.deleteUser(megan)).isInstanceOf(TenantException.class);
        assertThat(inspector.mutations(null)).isEmpty();
    }

    @Test
    void anActiveUserIsNeverDeletedForGood() {
        String diego = directory.findUser("diego.siciliani@contoso.com").orElseThrow().id();
        assertThatThrownBy(() -> directory.permanentlyDeleteUser(diego)).hasMessageContaining("Refusing");
        directory.deleteUser(diego);
        assertThat(directory.findDeletedUser(diego)).isPresent();
        directory.permanentlyDeleteUser(diego);
        assertThat(directory.findDeletedUser(diego)).isEmpty();
        assertThatThrownBy(() -> directory.restoreUser(diego)).hasMessageContaining("gone for good");
    }

    @Test
    void licensesOfDeletedAndUnlicensedUsersAreNotConsumed() {
        int before = subscription(SandboxDemoData.E3).consumed();
        TenantUser lynne = directory.findUser("lynne.robbins@contoso.com").orElseThrow();
        licensing.removeLicenses(lynne.id(), List.of(SandboxDemoData.E3, SandboxDemoData.VISIO_PLAN_2));
        assertThat(subscription(SandboxDemoData.E3).consumed()).isEqualTo(before - 1);
        directory.deleteUser(directory.findUser("diego.siciliani@contoso.com").orElseThrow().id());
        assertThat(subscription(SandboxDemoData.E3).consumed()).isEqualTo(before - 2);
        assertThat(inspector.mutations("lynne.robbins@contoso.com")).extracting(m -> m.detail())
                .containsExactly(SandboxDemoData.E3);
    }

    @Test
    void aMailIsDeliveredOncePerKey() {
        long before = mailboxes.findMailbox("diego.siciliani@contoso.com").orElseThrow().itemCount();
        mailer.send("diego.siciliani@contoso.com", "Hello", "Body", "key-1");
        mailer.send("diego.siciliani@contoso.com", "Hello", "Body", "key-1");
        assertThat(mailboxes.findMailbox("diego.siciliani@contoso.com").orElseThrow().itemCount()).isEqualTo(before + 1);
        assertThat(inspector.mutations("diego.siciliani@contoso.com")).extracting(m -> m.operation())
                .containsExactly("sendMail");
    }

    private Subscription subscription(String skuId) {
        return licensing.subscriptions().stream().filter(s -> s.skuId().equals(skuId)).findFirst().orElseThrow();
    }
}
