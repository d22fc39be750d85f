-- The sandbox keeps user principal names in lower case and finds them by index; folders are found by their mailbox.
update sandbox_user set user_principal_name = lower(user_principal_name);
create index sandbox_mail_folder_user on sandbox_mail_folder (user_id);
create index sandbox_drive_permission_user on sandbox_drive_permission (user_id);
create index sandbox_license_sku on sandbox_license (sku_id, user_id);
