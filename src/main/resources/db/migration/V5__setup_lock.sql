-- One row that nodes lock while they create groups, authorizations, filters and demo data at start-up, so that
-- several nodes starting together on one database create each of them once.
create table setup_lock (
    id integer primary key
);
insert into setup_lock (id) values (1);
