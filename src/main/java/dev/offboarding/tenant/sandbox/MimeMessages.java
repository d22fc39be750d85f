package dev.offboarding.tenant.sandbox;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/** Builds real RFC 5322 / MIME messages for the sandbox mailboxes. */
final class MimeMessages {

    private static final Session SESSION = Session.getInstance(new Properties());

    private MimeMessages() {
    }

    /** An optional attachment: file name, MIME type and content. */
    record Attachment(String fileName, String contentType, byte[] content) {
    }

    static byte[] build(String from, String to, String subject, String body, Instant sentAt, String messageId,
                        Attachment attachment) {
        try {
            MimeMessage message = new FixedIdMessage(SESSION, messageId);
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
            message.setSubject(subject, "UTF-8");
            message.setSentDate(Date.from(sentAt));
            if (attachment == null) {
                message.setText(body, "UTF-8");
            } else {
                MimeBodyPart text = new MimeBodyPart();
                text.setText(body, "UTF-8");
                MimeBodyPart file = new MimeBodyPart();
                file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
                file.setFileName(attachment.fileName());
                MimeMultipart multipart = new MimeMultipart();
                multipart.addBodyPart(text);
                multipart.addBodyPart(file);
                message.setContent(multipart);
            }
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Could not build a MIME message: " + e.getMessage(), e);
        }
    }

    static byte[] text(String from, String to, String subject, String body, Instant sentAt, String messageId) {
        return build(from, to, subject, body, sentAt, messageId, null);
    }

    static Attachment csv(String fileName, String content) {
        return new Attachment(fileName, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    /** Keeps the Message-ID we give instead of generating a random one, so demo data is the same every time. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
