import {
  Controller,
  Get,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  SetMetadata,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { projectDecider, projectErrors, projectStream } from '@luodi/domain';
import { EventStore } from '@luodi/event-store';
import { Response } from 'express';
import { Actor, CurrentActor } from '../auth/actor';
import { CREDENTIAL_ROUTE } from '../common/credential-route.decorator';
import { readAggregate } from '../common/event-sourced';
import { ApiError } from '../common/problem';
import { EVENT_STORE } from '../database/database.module';
import { assertProjectAccess } from '../projects/project-access';
import { EVIDENCE_LIMITS, EvidenceFile, EvidenceFiles } from './evidence-files.service';

/** What multer hands over of the `file` part (kept in memory: at most EVIDENCE_LIMITS.fileBytes). */
interface UploadedEvidence {
  buffer: Buffer;
  originalname: string;
}

/** A file named by a project's event: which event, and when. */
export interface ProjectEvidence extends EvidenceFile {
  attachedTo: { type: string; version: number; occurredAt: string };
}

@ApiTags('files')
@Controller()
export class FilesController {
  constructor(
    private readonly files: EvidenceFiles,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** Evidence (multipart field `file`): PDF, JPEG, PNG, DOCX or XLSX by its bytes, at most 20 MB. */
  @Post('files')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  // As for the ledger import: the idempotency interceptor would hash an empty body (multer reads
  // the file later); an upload stored twice is stored once anyway (by its SHA-256).
  @SetMetadata(CREDENTIAL_ROUTE, true)
  @UseInterceptors(
    FileInterceptor('file', {
      limits: { fileSize: EVIDENCE_LIMITS.fileBytes, files: 1, fields: 5, parts: 6 },
      defParamCharset: 'utf8',
    }),
  )
  upload(@UploadedFile() file: UploadedEvidence | undefined, @CurrentActor() actor: Actor): Promise<EvidenceFile> {
    if (!file)
      throw new ApiError('FILE_MISSING', 'Send the file as the multipart/form-data field "file".', [
        { field: 'file', message: 'missing' },
      ]);
    return this.files.upload(file.buffer, file.originalname, actor);
  }

  /** The file's bytes, for whoever may read what it is attached to. */
  @Get('files/:fileId')
  async download(
    @Param(
      'fileId',
      new ParseUUIDPipe({
        exceptionFactory: () => new ApiError('FILE_NOT_FOUND', 'There is no evidence file with this id.'),
      }),
    )
    fileId: string,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.files.read(fileId, actor);
    res.setHeader('Content-Type', file.mediaType);
    res.setHeader('Content-Length', String(file.size));
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
    res.setHeader('ETag', `"${file.sha256}"`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.end(file.content);
  }

  /** The evidence named by the project's progress reports, resolutions, follow-ups and landing. */
  @Get('projects/:id/evidence')
  async ofProject(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<ProjectEvidence[]> {
    const { state, events } = await readAggregate(this.store, projectStream(id), projectDecider);
    if (state === null) throw projectErrors.notFound();
    assertProjectAccess(actor, state);
    const named = events.flatMap((e) =>
      ((e.data as { evidenceFileIds?: string[] }).evidenceFileIds ?? []).map((fileId) => ({
        fileId,
        attachedTo: { type: e.type, version: e.streamPosition, occurredAt: e.data.occurredAt },
      })),
    );
    const files = await this.files.ofProject(
      id,
      named.map((n) => n.fileId),
    );
    return named.flatMap((n) =>
      files.filter((f) => f.fileId === n.fileId).map((f) => ({ ...f, attachedTo: n.attachedTo })),
    );
  }
}
