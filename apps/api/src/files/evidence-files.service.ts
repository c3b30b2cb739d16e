import { Inject, Injectable } from '@nestjs/common';
import { mayActOn, projectDecider, projectErrors, projectStream } from '@luodi/domain';
import { EventStore } from '@luodi/event-store';
import { createHash, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { Actor } from '../auth/actor';
import { readAggregate } from '../common/event-sourced';
import { ApiError } from '../common/problem';
import { EVENT_STORE, PG_POOL } from '../database/database.module';
import { detectMediaType } from './media-type';

/** The limits of an evidence upload (docs/api.md, "Evidence"). */
export const EVIDENCE_LIMITS = {
  fileBytes: 20 * 1024 * 1024,
  /** Files one progress report, resolution, follow-up or landing may name. */
  filesPerEvent: 20,
} as const;

export interface EvidenceFile {
  fileId: string;
  sha256: string;
  size: number;
  mediaType: string;
  name: string;
}

interface FileRow {
  file_id: string;
  sha256: string;
  size: string;
  media_type: string;
  name: string;
  uploaded_by: string;
  project_id: string | null;
}

const SELECT_FILE = `SELECT f.file_id, f.sha256, b.size, b.media_type, f.name, f.uploaded_by, f.project_id
  FROM evidence_files f JOIN evidence_blobs b USING (sha256)`;

const viewOf = (row: FileRow): EvidenceFile => ({
  fileId: row.file_id,
  sha256: row.sha256,
  size: Number(row.size),
  mediaType: row.media_type,
  name: row.name,
});

/**
 * Evidence files: stored by their SHA-256 (the same bytes once, whoever uploads them), each
 * upload a file of its own with its name. A file is attached to one project, claimed when an
 * event first names it — only its uploader may do that — and read under that project's access
 * rules; until then only its uploader reads it. No command deletes one.
 */
@Injectable()
export class EvidenceFiles {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async upload(bytes: Buffer, name: string, actor: Actor): Promise<EvidenceFile> {
    if (bytes.length === 0)
      throw new ApiError('FILE_EMPTY', 'The file is empty.', [{ field: 'file', message: 'empty' }]);
    if (bytes.length > EVIDENCE_LIMITS.fileBytes)
      throw new ApiError('PAYLOAD_TOO_LARGE', `The file is larger than ${EVIDENCE_LIMITS.fileBytes / 1024 / 1024} MB.`);
    const mediaType = detectMediaType(bytes);
    if (mediaType === null)
      throw new ApiError(
        'UNSUPPORTED_MEDIA_TYPE',
        'Evidence must be a PDF, JPEG, PNG, Word (.docx) or Excel (.xlsx) file; its content is none of these, whatever its name.',
      );
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const fileId = randomUUID();
    await this.pool.query(
      `INSERT INTO evidence_blobs (sha256, size, media_type, content) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING`,
      [sha256, bytes.length, mediaType, bytes],
    );
    await this.pool.query(`INSERT INTO evidence_files (file_id, sha256, name, uploaded_by) VALUES ($1, $2, $3, $4)`, [
      fileId,
      sha256,
      name,
      actor.userId,
    ]);
    return { fileId, sha256, size: bytes.length, mediaType, name };
  }

  /**
   * Runs `write` (the command naming `fileIds`) with the files claimed for `projectId`. A file
   * must exist and be the actor's own upload or already this project's (400
   * EVIDENCE_FILE_NOT_FOUND, naming it), and not another project's (409). If `write` fails, the
   * files it claimed anew are released.
   */
  async attaching<T>(
    fileIds: readonly string[] | undefined,
    projectId: string,
    actor: Actor,
    write: () => Promise<T>,
  ): Promise<T> {
    if (!fileIds?.length) return write();
    const { rows } = await this.pool.query<FileRow>(`${SELECT_FILE} WHERE f.file_id = ANY($1::uuid[])`, [fileIds]);
    fileIds.forEach((fileId, i) => {
      const row = rows.find((r) => r.file_id === fileId);
      if (!row || (row.project_id === null && row.uploaded_by !== actor.userId))
        throw new ApiError('EVIDENCE_FILE_NOT_FOUND', `There is no evidence file "${fileId}" you may attach.`, [
          { field: `evidenceFileIds[${i}]`, message: 'no such file of yours' },
        ]);
      if (row.project_id !== null && row.project_id !== projectId)
        throw new ApiError(
          'EVIDENCE_FILE_OF_ANOTHER_PROJECT',
          `The evidence file "${fileId}" belongs to another project.`,
          [{ field: `evidenceFileIds[${i}]`, message: 'attached to another project' }],
        );
    });
    // The claim itself decides a race: of two projects claiming one file, one gets it.
    const { rows: claimed } = await this.pool.query<{ file_id: string }>(
      `UPDATE evidence_files SET project_id = $2 WHERE file_id = ANY($1::uuid[]) AND project_id IS NULL RETURNING file_id`,
      [fileIds, projectId],
    );
    const { rows: others } = await this.pool.query<{ file_id: string }>(
      `SELECT file_id FROM evidence_files WHERE file_id = ANY($1::uuid[]) AND project_id <> $2`,
      [fileIds, projectId],
    );
    try {
      if (others.length > 0)
        throw new ApiError(
          'EVIDENCE_FILE_OF_ANOTHER_PROJECT',
          `The evidence file "${others[0].file_id}" belongs to another project.`,
        );
      return await write();
    } catch (error) {
      if (claimed.length > 0)
        await this.pool.query(`UPDATE evidence_files SET project_id = NULL WHERE file_id = ANY($1::uuid[])`, [
          claimed.map((r) => r.file_id),
        ]);
      throw error;
    }
  }

  /** The file and its bytes, if `actor` may read it (404 FILE_NOT_FOUND otherwise, or 403 for another department's). */
  async read(fileId: string, actor: Actor): Promise<EvidenceFile & { content: Buffer }> {
    const { rows } = await this.pool.query<FileRow & { content: Buffer }>(
      `SELECT f.file_id, f.sha256, b.size, b.media_type, f.name, f.uploaded_by, f.project_id, b.content
         FROM evidence_files f JOIN evidence_blobs b USING (sha256) WHERE f.file_id = $1`,
      [fileId],
    );
    const row = rows[0];
    const notFound = () => new ApiError('FILE_NOT_FOUND', 'There is no evidence file with this id.');
    if (!row) throw notFound();
    if (row.project_id === null) {
      if (row.uploaded_by !== actor.userId && actor.role !== 'admin') throw notFound();
    } else {
      const { state } = await readAggregate(this.store, projectStream(row.project_id), projectDecider);
      if (state === null) throw notFound();
      if (!mayActOn(actor, state)) throw projectErrors.notYourProject();
    }
    return { ...viewOf(row), content: row.content };
  }

  /** Of these files, those attached to the project (metadata only). */
  async ofProject(projectId: string, fileIds: readonly string[]): Promise<EvidenceFile[]> {
    if (fileIds.length === 0) return [];
    const { rows } = await this.pool.query<FileRow>(
      `${SELECT_FILE} WHERE f.file_id = ANY($1::uuid[]) AND f.project_id = $2`,
      [fileIds, projectId],
    );
    return rows.map(viewOf);
  }
}
