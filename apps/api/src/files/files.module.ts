import { Module } from '@nestjs/common';
import { EvidenceFiles } from './evidence-files.service';
import { FilesController } from './files.controller';

/** Evidence uploads and downloads; the project commands use EvidenceFiles to claim the files they name. */
@Module({ controllers: [FilesController], providers: [EvidenceFiles], exports: [EvidenceFiles] })
export class FilesModule {}
