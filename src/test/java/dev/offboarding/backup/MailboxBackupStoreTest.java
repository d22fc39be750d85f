package dev.offboarding.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offboarding.tenant.MailFolder;
import dev.offboarding.tenant.MailboxContent;
import dev.offboarding.tenant.MessageRef;
import dev.offboarding.tenant.TenantException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailboxBackupStoreTest {

    private static final String UPN = "adele.vance@contoso.com";

    @TempDir
    Path directory;
    MailboxBackupStore store;
    FakeMailbox mailbox;

    @BeforeEach
    void setUp() {
        store = new MailboxBackupStore(directory, Clock.systemUTC());
        mailbox = new FakeMailbox();
        for (int i = 0; i < 120; i++) {
            mailbox.add(i % 3 == 0 ? "inbox" : "sent", "message-" + i, "Subject: " + i + "\r\n\r\nBody " + i + "\r\n");
        }
    }

    @Test
    void writesEveryMessageAndAManifestThatVerifies() throws IOException {
        VerifiedBackup backup = store.backUp(UPN, "instance-1", mailbox);
        assertThat(backup.messageCount()).isEqualTo(120);
        assertThat(emlFiles(backup.location())).hasSize(120);
        String manifest = Files.readString(backup.location().resolve("manifest.json"));
        assertThat(manifest).contains("\"messageCount\" : 120").contains("\"folder\" : \"Inbox\"");
        assertThat(Files.readString(backup.location().resolve("manifest.json.sha256"))).startsWith(backup.manifestSha256());
        assertThat(store.verify(backup.location())).isEqualTo(backup);
        assertThat(mailbox.copies).isEqualTo(120);
    }

    @Test
    void aBackupThatAlreadyVerifiesIsNotExportedAgain() {
        VerifiedBackup first = store.backUp(UPN, "instance-1", mailbox);
        VerifiedBackup second = store.backUp(UPN, "instance-1", mailbox);
        assertThat(second).isEqualTo(first);
        assertThat(mailbox.copies).isEqualTo(120);
    }

    @Test
    void resumesAfterACrashWithoutCopyingAnyMessageTwice() throws IOException {
        mailbox.failAfter = 50;
        assertThatThrownBy(() -> store.backUp(UPN, "instance-1", mailbox)).isInstanceOf(TenantException.class);
        Path location = store.locationOf(UPN, "instance-1");
        assertThat(emlFiles(location)).hasSize(50);
        assertThat(location.resolve("manifest.json")).doesNotExist();
        // The crash also left a half-written message behind.
        Files.writeString(location.resolve("messages").resolve("leftover.eml.part"), "half a mess");

        mailbox.failAfter = Integer.MAX_VALUE;
        VerifiedBackup backup = store.backUp(UPN, "instance-1", mailbox);
        assertThat(backup.messageCount()).isEqualTo(120);
        assertThat(emlFiles(location)).hasSize(120);
        assertThat(mailbox.copies).isEqualTo(120);
    }

    @Test
    void aChangedMessageFileFailsTheVerification() throws IOException {
        VerifiedBackup backup = store.backUp(UPN, "instance-1", mailbox);
        Path file = emlFiles(backup.location()).get(7);
        Files.writeString(file, "tampered");
        assertThatThrownBy(() -> store.verify(backup.location()))
                .isInstanceOf(BackupVerificationException.class)
                .hasMessageContaining(file.getFileName().toString()).hasMessageContaining("SHA-256");
    }

    @Test
    void aMissingMessageFileFailsTheVerification() throws IOException {
        VerifiedBackup backup = store.backUp(UPN, "instance-1", mailbox);
        Files.delete(emlFiles(backup.location()).get(0));
        assertThatThrownBy(() -> store.verify(backup.location()))
                .isInstanceOf(BackupVerificationException.class).hasMessageContaining("misses");
    }

    @Test
    void aChangedManifestFailsTheVerification() throws IOException {
        VerifiedBackup backup = store.backUp(UPN, "instance-1", mailbox);
        Path manifest = backup.location().resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"messageCount\" : 120", "\"messageCount\" : 119"));
        assertThatThrownBy(() -> store.verify(backup.location()))
                .isInstanceOf(BackupVerificationException.class).hasMessageContaining("checksum mismatch");
    }

    @Test
    void aMailboxThatReportsMoreMessagesThanItListsIsNotBackedUp() {
        mailbox.hiddenMessages = 3;
        assertThatThrownBy(() -> store.backUp(UPN, "instance-1", mailbox))
                .isInstanceOf(BackupVerificationException.class)
                .hasMessageContaining("reports 123 messages but 120 were exported");
        assertThat(store.locationOf(UPN, "instance-1").resolve("manifest.json")).doesNotExist();
    }

    @Test
    void aBackupFolderThatCannotBeWrittenSaysWhereAndWhatToDo() throws IOException {
        Files.writeString(directory.resolve("adele.vance@contoso.com"), "a file where the folder should be");
        assertThatThrownBy(() -> store.backUp(UPN, "instance-1", mailbox))
                .isInstanceOf(BackupVerificationException.class)
                .hasMessageContaining("Could not write the mailbox backup").hasMessageContaining("disk space");
    }

    private static List<Path> emlFiles(Path location) throws IOException {
        try (Stream<Path> files = Files.list(location.resolve("messages"))) {
            return files.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
        }
    }

    /** Two folders of messages; can fail part-way like a connection that drops, or hide messages it counts. */
    static final class FakeMailbox implements MailboxContent {
        final Map<String, Map<String, String>> folders = new LinkedHashMap<>();
        int copies;
        int failAfter = Integer.MAX_VALUE;
        int hiddenMessages;

        void add(String folder, String id, String mime) {
            folders.computeIfAbsent(folder, f -> new LinkedHashMap<>()).put(id, mime);
        }

        @Override
        public List<MailFolder> listFolders(String userPrincipalName) {
            List<MailFolder> result = new ArrayList<>();
            folders.forEach((id, messages) -> result.add(new MailFolder(id, id.equals("inbox") ? "Inbox" : "Sent Items",
                    messages.size() + (id.equals("inbox") ? hiddenMessages : 0))));
            return result;
        }

        @Override
        public void forEachMessage(String userPrincipalName, String folderId, Consumer<MessageRef> action) {
            folders.get(folderId).keySet().forEach(id -> action.accept(new MessageRef(id, folderId)));
        }

        @Override
        public void copyMimeContent(String userPrincipalName, String messageId, OutputStream out) throws IOException {
            if (copies >= failAfter) {
                throw new TenantException("connection dropped");
            }
            copies++;
            String mime = folders.values().stream().map(m -> m.get(messageId)).filter(m -> m != null).findFirst().orElseThrow();
            out.write(mime.getBytes(StandardCharsets.UTF_8));
        }
    }
}
