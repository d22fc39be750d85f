-- At most one running offboarding per user: the primary key refuses a second one, even when two requests race.
create table active_offboarding (
    user_principal_name varchar(320) primary key,
    process_instance_id varchar(64) not null,
    started_at          timestamp with time zone not null
);
