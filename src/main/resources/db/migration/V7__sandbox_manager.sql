-- Who each sandbox user reports to (Microsoft Graph: /users/{id}/manager), for mails about scheduled offboardings.
alter table sandbox_user add column manager_id varchar(36);
