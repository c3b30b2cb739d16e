import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence (佐证材料): the bytes once per SHA-256 (evidence_blobs), and every upload of them with
 * its name and uploader (evidence_files). `project_id` is the project a file was first attached
 * to, claimed before the event that names it is appended (see EvidenceFiles), so a file cannot
 * serve two projects. Nothing deletes either.
 */
export class CreateEvidenceFiles1764900000100 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE evidence_blobs (
      sha256 text PRIMARY KEY,
      size bigint NOT NULL,
      media_type text NOT NULL,
      content bytea NOT NULL,
      stored_at timestamptz NOT NULL DEFAULT now()
    )`);
    // PDF, JPEG, PNG and Office files are compressed already: store them as they are.
    await db.query(`ALTER TABLE evidence_blobs ALTER COLUMN content SET STORAGE EXTERNAL`);
    await db.query(`CREATE TABLE evidence_files (
      file_id uuid PRIMARY KEY,
      sha256 text NOT NULL REFERENCES evidence_blobs (sha256),
      name text NOT NULL,
      uploaded_by text NOT NULL,
      uploaded_at timestamptz NOT NULL DEFAULT now(),
      project_id text
    )`);
    await db.query(`CREATE INDEX evidence_files_project ON evidence_files (project_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE evidence_files`);
    await db.query(`DROP TABLE evidence_blobs`);
  }
}
