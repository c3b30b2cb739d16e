import { Module } from '@nestjs/common';
import { ExportsController } from './exports.controller';
import { ProjectLedgerExport } from './project-ledger.export';
import { ReportExports } from './report-exports';
import { PublishedReportExport } from './published-report.export';
import { ReportsModule } from '../reports/reports.module';

@Module({
  imports: [ReportsModule],
  controllers: [ExportsController],
  providers: [ProjectLedgerExport, ReportExports, PublishedReportExport],
})
export class ExportsModule {}
