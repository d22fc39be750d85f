-- What the complete leaver checklist changes in the sandbox tenant: passwords, authentication methods, groups, the
-- address lists, Inbox rules, mobile devices, meetings and forwarding. Plain SQL that H2 and PostgreSQL both run.

alter table sandbox_user add column password_reset_at timestamp with time zone;

create table sandbox_auth_method (
    id          varchar(36) primary key,
    user_id     varchar(36) not null references sandbox_user (id) on delete cascade,
    method_type varchar(100) not null
);

create table sandbox_group (
    id                 varchar(36) primary key,
    display_name       varchar(256) not null,
    kind               varchar(30) not null,
    dynamic_membership boolean not null default false,
    on_premises_sync   boolean not null default false
);

-- Group-based licensing: the members of the group get these licenses for as long as they are members.
create table sandbox_group_license (
    group_id varchar(36) not null references sandbox_group (id) on delete cascade,
    sku_id   varchar(36) not null references sandbox_subscription (sku_id),
    primary key (group_id, sku_id)
);

create table sandbox_group_member (
    group_id varchar(36) not null references sandbox_group (id) on delete cascade,
    user_id  varchar(36) not null references sandbox_user (id) on delete cascade,
    primary key (group_id, user_id)
);
create index sandbox_group_member_user on sandbox_group_member (user_id);

-- Every license a user holds, assigned directly or through a group: what Microsoft Graph reports as assignedLicenses.
create view sandbox_user_license (user_id, sku_id) as
    select user_id, sku_id from sandbox_license
    union
    select m.user_id, l.sku_id from sandbox_group_member m join sandbox_group_license l on l.group_id = m.group_id;

alter table sandbox_mailbox add column hidden_from_address_lists boolean not null default false;

create table sandbox_inbox_rule (
    id           varchar(36) primary key,
    user_id      varchar(36) not null references sandbox_mailbox (user_id) on delete cascade,
    display_name varchar(256) not null
);

create table sandbox_mobile_device (
    identity      varchar(200) primary key,
    user_id       varchar(36) not null references sandbox_mailbox (user_id) on delete cascade,
    friendly_name varchar(256) not null
);

create table sandbox_event (
    id           varchar(36) primary key,
    organizer_id varchar(36) not null references sandbox_mailbox (user_id) on delete cascade,
    subject      varchar(256) not null,
    starts_at    timestamp with time zone not null,
    -- For a series, when its last occurrence ends; null when it never ends.
    ends_at      timestamp with time zone,
    attendees    integer not null,
    recurring    boolean not null default false,
    cancelled_at timestamp with time zone
);
create index sandbox_event_organizer on sandbox_event (organizer_id);
