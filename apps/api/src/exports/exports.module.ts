import { Module } from '@nestjs/common';
import { ExportsController } from './exports.controller';
import { ProjectLedgerExport } from './project-ledger.export';
import { ReportExports } from './report-exports';

@Module({ controllers: [ExportsController], providers: [ProjectLedgerExport, ReportExports] })
export class ExportsModule {}
