import { MigrationInterface, QueryRunner } from 'typeorm';
import { CreateAppendFunction1763800000001 } from './1763800000001-create-append-function.migration';

/**
 * The append no longer notifies inside its transaction: a NOTIFY holds PostgreSQL's one
 * notification-queue lock from pre-commit until the commit is flushed, so concurrent appends
 * committed one at a time. The adapter notifies after the commit instead (append-notifier.ts).
 */
export class AppendWithoutNotify1763800000002 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION append_to_stream(
        p_stream text, p_expected integer, p_ids uuid[], p_types text[], p_versions integer[], p_data jsonb[], p_metadata jsonb[],
        OUT status text, OUT version integer, OUT last_position bigint, OUT reused_id uuid)
      LANGUAGE plpgsql AS $$
      DECLARE
        v_found integer;
      BEGIN
        -- Writers of one stream take turns; the lock comes before any write, so waiting for it
        -- never holds back the readers' transaction fence.
        PERFORM pg_advisory_xact_lock(hashtextextended(p_stream, 0));

        -- A retried append: every id already stored with the same content answers as before.
        SELECT count(*), max(e.stream_position), max(e.global_position),
               (array_agg(n.id) FILTER (WHERE e.type IS DISTINCT FROM n.kind OR e.schema_version IS DISTINCT FROM n.schema OR e.data IS DISTINCT FROM n.payload))[1]
          INTO v_found, version, last_position, reused_id
          FROM unnest(p_ids, p_types, p_versions, p_data) AS n(id, kind, schema, payload)
          JOIN events e ON e.stream_id = p_stream AND e.event_id = n.id;
        IF v_found > 0 THEN
          IF reused_id IS NULL AND v_found < cardinality(p_ids) THEN
            SELECT n.id INTO reused_id FROM unnest(p_ids) AS n(id)
             WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.stream_id = p_stream AND e.event_id = n.id) LIMIT 1;
          END IF;
          status := CASE WHEN reused_id IS NULL THEN 'retried' ELSE 'id-reused' END;
          RETURN;
        END IF;

        SELECT coalesce(max(stream_position), 0) INTO version FROM events WHERE stream_id = p_stream;
        IF p_expected IS NOT NULL AND p_expected <> version THEN
          status := 'wrong-version';
          RETURN;
        END IF;

        WITH inserted AS (
          INSERT INTO events (stream_id, stream_position, event_id, type, schema_version, data, metadata)
          SELECT p_stream, version + n.ord, n.id, n.kind, n.schema, n.payload, n.meta
            FROM unnest(p_ids, p_types, p_versions, p_data, p_metadata) WITH ORDINALITY AS n(id, kind, schema, payload, meta, ord)
           ORDER BY n.ord
          RETURNING global_position)
        SELECT max(global_position) INTO last_position FROM inserted;
        version := version + cardinality(p_ids);
        status := 'appended';
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION append_to_stream(text, integer, uuid[], text[], integer[], jsonb[], jsonb[])');
    await new CreateAppendFunction1763800000001().up(db);
  }
}
