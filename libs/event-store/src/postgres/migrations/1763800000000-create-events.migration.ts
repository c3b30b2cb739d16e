import { MigrationInterface, QueryRunner } from 'typeorm';

/** The append-only event log. See PostgresEventStore for why transaction_id is stored. */
export class CreateEvents1763800000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE events (
        global_position bigserial   PRIMARY KEY,
        transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
        stream_id       text        NOT NULL,
        stream_position integer     NOT NULL CHECK (stream_position > 0),
        event_id        uuid        NOT NULL,
        type            text        NOT NULL,
        schema_version  integer     NOT NULL CHECK (schema_version > 0),
        data            jsonb       NOT NULL,
        metadata        jsonb       NOT NULL,
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_stream_position_key UNIQUE (stream_id, stream_position),
        CONSTRAINT events_stream_event_id_key UNIQUE (stream_id, event_id)
      )`);
    await db.query(`CREATE INDEX events_global_order_idx ON events (transaction_id, global_position)`);
    // History is never rewritten: refuse UPDATE and DELETE outright.
    await db.query(`
      CREATE FUNCTION events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the events table is append-only'; END $$`);
    await db.query(`
      CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
      FOR EACH STATEMENT EXECUTE FUNCTION events_are_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE events');
    await db.query('DROP FUNCTION events_are_append_only()');
  }
}
