import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The channels notifications leave by (webhooks an admin registers, users' e-mail addresses),
 * the durable outbox of deliveries and the log of every attempt. Not read models: what was sent
 * cannot be unsent, so a rebuild leaves these alone.
 */
export class CreateNotificationOutbox1764803300200 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE webhooks (
        id              uuid        PRIMARY KEY,
        name            text        NOT NULL,
        kind            text        NOT NULL CHECK (kind IN ('wecom', 'dingtalk', 'feishu', 'generic')),
        url             text        NOT NULL,
        secret          text,
        department_code text,
        events          text[]      NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        created_by      uuid        REFERENCES users (id)
      )`);
    // A user's address gets what is recorded after it was set, never the history before.
    await db.query(`ALTER TABLE users ADD COLUMN email text, ADD COLUMN email_since timestamptz`);
    // One delivery per channel and event, whatever crashes or instances: the unique key makes
    // enqueueing idempotent. `next_attempt_at` is also the lease of a claimed delivery.
    await db.query(`
      CREATE TABLE notification_outbox (
        id              bigserial   PRIMARY KEY,
        channel         text        NOT NULL,
        webhook_id      uuid        REFERENCES webhooks (id),
        email           text,
        position        bigint      NOT NULL,
        notification    jsonb       NOT NULL,
        status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts        integer     NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error      text,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        delivered_at    timestamptz,
        UNIQUE (channel, position)
      )`);
    await db.query(
      `CREATE INDEX notification_outbox_due_idx ON notification_outbox (next_attempt_at) WHERE status = 'pending'`,
    );
    await db.query('CREATE INDEX notification_outbox_webhook_idx ON notification_outbox (webhook_id, id)');
    await db.query(`
      CREATE TABLE notification_delivery_attempts (
        id          bigserial   PRIMARY KEY,
        outbox_id   bigint      NOT NULL REFERENCES notification_outbox (id),
        attempt     integer     NOT NULL,
        started_at  timestamptz NOT NULL,
        finished_at timestamptz NOT NULL,
        ok          boolean     NOT NULL,
        status_code integer,
        error       text
      )`);
    await db.query(
      'CREATE INDEX notification_delivery_attempts_outbox_idx ON notification_delivery_attempts (outbox_id, id)',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE notification_delivery_attempts');
    await db.query('DROP TABLE notification_outbox');
    await db.query('ALTER TABLE users DROP COLUMN email, DROP COLUMN email_since');
    await db.query('DROP TABLE webhooks');
  }
}
