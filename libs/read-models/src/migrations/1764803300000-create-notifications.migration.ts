import { MigrationInterface, QueryRunner } from 'typeorm';

/** The in-app notifications (see notifications/notification.entity.ts). */
export class CreateNotifications1764803300000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notifications (
        position        bigint      PRIMARY KEY,
        kind            text        NOT NULL,
        title           text        NOT NULL,
        body            text        NOT NULL,
        project_id      text        NOT NULL,
        department_code text,
        notice_id       text,
        departments     text[]      NOT NULL,
        roles           text[]      NOT NULL,
        created_at      timestamptz NOT NULL
      )`);
    // A user's list: the rows naming their department or their role, newest first.
    await db.query('CREATE INDEX notifications_departments_idx ON notifications USING gin (departments)');
    await db.query('CREATE INDEX notifications_roles_idx ON notifications USING gin (roles)');
    await db.query(`
      CREATE TABLE notification_notices (
        notice_id       text PRIMARY KEY,
        department_code text NOT NULL,
        level           text NOT NULL,
        message         text NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE notification_notices');
    await db.query('DROP TABLE notifications');
  }
}
