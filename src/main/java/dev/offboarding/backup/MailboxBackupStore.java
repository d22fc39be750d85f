package dev.offboarding.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.offboarding.config.OffboardingProperties;
import dev.offboarding.tenant.MailFolder;
import dev.offboarding.tenant.MailboxContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Exports a mailbox to disk, one {@code .eml} file per message, and proves the export is complete.
 *
 * <p>Layout: {@code <directory>/<upn>/<backupId>/messages/<sha256 of message id>.eml}, {@code manifest.json} and
 * {@code manifest.json.sha256}. A message is written to a temporary file and renamed when complete, so after a crash
 * the export resumes where it stopped, without duplicates: a message's file name depends only on its id.
 */
@Component
public class MailboxBackupStore {

    static final String MANIFEST = "manifest.json";
    static final String MANIFEST_CHECKSUM = "manifest.json.sha256";
    static final String MESSAGES = "messages";

    private final Path directory;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    @Autowired
    public MailboxBackupStore(OffboardingProperties properties, Clock clock) {
        this(properties.backup().directory(), clock);
    }

    public MailboxBackupStore(Path directory, Clock clock) {
        this.directory = directory.toAbsolutePath().normalize();
        this.clock = clock;
    }

    /** Where the backup of this user with this id lives (whether it exists or not). */
    public Path locationOf(String userPrincipalName, String backupId) {
        String user = userPrincipalName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9@._-]", "_");
        String id = backupId.replaceAll("[^A-Za-z0-9._-]", "_");
        return directory.resolve(user).resolve(id);
    }

    /** Whether {@code location} holds a finished backup (its manifest and the manifest's checksum). */
    public boolean isBackup(Path location) {
        return Files.isRegularFile(location.resolve(MANIFEST)) && Files.isRegularFile(location.resolve(MANIFEST_CHECKSUM));
    }

    /**
     * Exports every message not yet on disk, writes the manifest and verifies the whole backup. A backup that already
     * verifies is returned as it is.
     */
    public VerifiedBackup backUp(String userPrincipalName, String backupId, MailboxContent mailboxes) {
        Path location = locationOf(userPrincipalName, backupId);
        if (Files.exists(location.resolve(MANIFEST_CHECKSUM))) {
            try {
                return verify(location);
            } catch (BackupVerificationException e) {
                // An earlier attempt left a broken backup: export again over it.
            }
        }
        try {
            Path messages = Files.createDirectories(location.resolve(MESSAGES));
            List<BackupManifest.Entry> entries = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (MailFolder folder : mailboxes.listFolders(userPrincipalName)) {
                mailboxes.forEachMessage(userPrincipalName, folder.id(), message -> {
                    if (seen.add(message.id())) {
                        entries.add(exportMessage(mailboxes, userPrincipalName, folder, message.id(), messages));
                    }
                });
            }
            long expected = mailboxes.listFolders(userPrincipalName).stream().mapToLong(MailFolder::totalItemCount).sum();
            if (expected != entries.size()) {
                throw new BackupVerificationException("The mailbox of " + userPrincipalName + " reports " + expected
                        + " messages but " + entries.size() + " were exported (mail may have arrived or been deleted "
                        + "meanwhile). Retry the step; the export resumes without copying messages twice.");
            }
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT_VERSION, userPrincipalName, backupId,
                    clock.instant(), expected, entries.size(), entries);
            byte[] manifestBytes = json.writeValueAsBytes(manifest);
            writeAtomically(location.resolve(MANIFEST), manifestBytes);
            writeAtomically(location.resolve(MANIFEST_CHECKSUM),
                    (sha256(manifestBytes) + "  " + MANIFEST + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException | UncheckedIOException e) {
            throw new BackupVerificationException("Could not write the mailbox backup of " + userPrincipalName + " to "
                    + location + ": " + e.getMessage() + ". Check free disk space and permissions there "
                    + "(offboarding.backup.directory), then retry the step.", e);
        }
        return verify(location);
    }

    private BackupManifest.Entry exportMessage(MailboxContent mailboxes, String userPrincipalName, MailFolder folder,
                                               String messageId, Path messages) {
        String fileName = sha256(messageId.getBytes(StandardCharsets.UTF_8)).substring(0, 40) + ".eml";
        Path target = messages.resolve(fileName);
        try {
            if (!Files.exists(target)) {
                Path partial = messages.resolve(fileName + ".part");
                try (OutputStream out = Files.newOutputStream(partial)) {
                    mailboxes.copyMimeContent(userPrincipalName, messageId, out);
                }
                move(partial, target);
            }
            return new BackupManifest.Entry(messageId, folder.path(), MESSAGES + "/" + fileName, Files.size(target),
                    sha256(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the backup back: manifest checksum, message count, and every message's size and SHA-256. */
    public VerifiedBackup verify(Path location) {
        try {
            Path manifestFile = location.resolve(MANIFEST);
            Path checksumFile = location.resolve(MANIFEST_CHECKSUM);
            if (!Files.exists(manifestFile) || !Files.exists(checksumFile)) {
                throw new BackupVerificationException("The backup at " + location + " has no manifest: the export did "
                        + "not finish. Retry the step.");
            }
            byte[] manifestBytes = Files.readAllBytes(manifestFile);
            String manifestSha256 = sha256(manifestBytes);
            String recorded = Files.readString(checksumFile, StandardCharsets.US_ASCII).trim().split("\\s+")[0];
            if (!manifestSha256.equals(recorded)) {
                throw new BackupVerificationException("The manifest of the backup at " + location + " was changed "
                        + "after it was written (checksum mismatch). Do not delete anything; investigate the backup "
                        + "folder, then retry the step to export again.");
            }
            BackupManifest manifest = json.readValue(manifestBytes, BackupManifest.class);
            if (manifest.messageCount() != manifest.messages().size()
                    || manifest.messageCount() != manifest.expectedItemCount()) {
                throw new BackupVerificationException("The backup at " + location + " lists "
                        + manifest.messages().size() + " messages, but the mailbox had " + manifest.expectedItemCount()
                        + ". Retry the step to export again.");
            }
            for (BackupManifest.Entry entry : manifest.messages()) {
                Path file = location.resolve(entry.file()).normalize();
                if (!file.startsWith(location) || !Files.exists(file)) {
                    throw new BackupVerificationException("The backup at " + location + " misses " + entry.file()
                            + ". Retry the step to export it again.");
                }
                if (Files.size(file) != entry.bytes() || !sha256(file).equals(entry.sha256())) {
                    throw new BackupVerificationException("The message file " + entry.file() + " of the backup at "
                            + location + " does not match its SHA-256. Remove that file and retry the step.");
                }
            }
            return new VerifiedBackup(location, manifest.messageCount(), manifestSha256);
        } catch (IOException e) {
            throw new BackupVerificationException("Could not read the backup at " + location + ": " + e.getMessage()
                    + ". Check the disk and permissions, then retry the step.", e);
        }
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        Files.write(partial, content);
        move(partial, target);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = Files.newInputStream(file);
             OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            in.transferTo(sink);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
