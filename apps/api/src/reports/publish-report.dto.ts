import { IsIn, IsString } from 'class-validator';
import { REPORT_KINDS, ReportKind } from './report-period';

export class PublishReportDto {
  @IsIn(REPORT_KINDS)
  kind: ReportKind;

  /** `2026-11` for a month, `2026Q4` for a quarter (checked against `kind` by the service). */
  @IsString()
  period: string;
}
