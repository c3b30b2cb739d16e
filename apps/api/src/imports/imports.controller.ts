import {
  Controller,
  Get,
  HttpCode,
  Post,
  Query,
  Res,
  SetMetadata,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { Response } from 'express';
import { CommandContext, CommandCtx } from '../common/command-context';
import { CREDENTIAL_ROUTE } from '../common/credential-route.decorator';
import { xlsxDownload } from '../exports/xlsx-sheet';
import { writeLedgerTemplate } from './ledger-template';
import { ImportReport, ProjectImportService } from './project-import.service';
import { IMPORT_LIMITS, missingFile } from './xlsx-upload';

/** What multer hands over of the `file` part (kept in memory: at most IMPORT_LIMITS.fileBytes). */
interface UploadedXlsx {
  buffer: Buffer;
  originalname: string;
}

export class ImportQueryDto {
  /** true: validate only, write nothing. */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;
}

@ApiTags('imports')
@Controller('imports/projects')
export class ImportsController {
  constructor(private readonly imports: ProjectImportService) {}

  /** The 台账 template: the columns the import reads, a sample row and a sheet explaining each column. */
  @Get('template.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async template(@Res() res: Response): Promise<void> {
    await writeLedgerTemplate(xlsxDownload(res, '项目台账导入模板.xlsx'));
  }

  /**
   * A historical project ledger (.xlsx, multipart field `file`): `dryRun=true` validates every
   * row and cell; without it, a valid file is imported as a whole and an invalid one not at all.
   */
  @Post()
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  // The interceptor would hash an empty body (multer reads the file later), so it must not
  // store or replay answers here; the import is idempotent by itself (derived ids).
  @SetMetadata(CREDENTIAL_ROUTE, true)
  // utf8: browsers send the file name (青岛台账.xlsx) in UTF-8 without saying so.
  @UseInterceptors(
    FileInterceptor('file', {
      limits: { fileSize: IMPORT_LIMITS.fileBytes, files: 1, fields: 5, parts: 6 },
      defParamCharset: 'utf8',
    }),
  )
  run(
    @UploadedFile() file: UploadedXlsx | undefined,
    @Query() query: ImportQueryDto,
    @CommandCtx() ctx: CommandContext,
  ): Promise<ImportReport> {
    if (!file) throw missingFile();
    return this.imports.run(file.buffer, file.originalname, query.dryRun === true, ctx);
  }
}
