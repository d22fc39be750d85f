-- Mails the offboarding sent through Microsoft 365, by idempotency key: a retried step does not send twice.
create table sent_notification (
    idempotency_key varchar(200) primary key,
    sent_at         timestamp with time zone not null
);
