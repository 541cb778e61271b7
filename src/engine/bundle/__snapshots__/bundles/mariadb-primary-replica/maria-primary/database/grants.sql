-- Grants template for host maria-primary (wg-designer): one account per source address that a flow brings to the
-- database port. Replace APP_USER, the password and the privileges; keep the host part, which is what the
-- firewall lets in. Run with: mysql < grants.sql
-- flow r-primary-replica
CREATE USER IF NOT EXISTS 'repl'@'10.22.0.2' IDENTIFIED BY 'CHANGE-ME' REQUIRE SSL;
GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'repl'@'10.22.0.2';
-- flow f-app-1-primary, flow f-app-1-primary-via-billing
CREATE USER IF NOT EXISTS 'APP_USER'@'10.22.1.1' IDENTIFIED BY 'CHANGE-ME' REQUIRE SSL;
GRANT SELECT, INSERT, UPDATE, DELETE ON APP_DB.* TO 'APP_USER'@'10.22.1.1';
-- flow f-app-2-primary, flow f-app-2-primary-via-billing, flow f-app-2-replica-via-billing
CREATE USER IF NOT EXISTS 'APP_USER'@'10.22.1.2' IDENTIFIED BY 'CHANGE-ME' REQUIRE SSL;
GRANT SELECT, INSERT, UPDATE, DELETE ON APP_DB.* TO 'APP_USER'@'10.22.1.2';
