import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { businessDate } from '@luodi/domain';
import { Page, PageRequest, offsetOf } from '@luodi/read-models';
import { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log.service';
import { CommandContext } from '../common/command-context';
import { ApiError } from '../common/problem';
import { ReadPositionService } from '../projection/read-position.service';
import { ScorecardWeightsService } from '../scorecards/scorecard-weights.service';
import { PublishReportDto } from './publish-report.dto';
import { ReportFigures, reportFigures } from './report-figures';
import { ReportKind, reportPeriod } from './report-period';

/** How long publication waits for the projector to hold everything committed before it. */
const CATCH_UP_MS = 5_000;

export interface ReportHeader {
  id: string;
  kind: ReportKind;
  period: string;
  periodStart: string;
  periodEnd: string;
  /** The business date the figures stand at: the period's end. */
  asOf: string;
  /** The record-time cut: the moment of publication. */
  knownAt: string;
  publishedBy: string;
}

export interface Report extends ReportHeader {
  figures: ReportFigures;
}

interface ReportRow {
  id: string;
  kind: ReportKind;
  period: string;
  period_start: string;
  period_end: string;
  known_at: Date;
  published_by: string;
  figures?: ReportFigures;
}

const HEADER_COLUMNS = `id, kind, period, period_start::text, period_end::text, known_at, published_by`;

/**
 * Reports (通报): frozen once published. The figures are computed once, at publication, and
 * stored as a JSON row written once (published_reports, append-only by trigger) rather than
 * recomputed on reading: a rebuild, a changed weight or a late report after publication cannot
 * change a report. They are not stored as an event either: they are derived from the events,
 * not a fact of the world, and the log would then carry every figure twice.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly positions: ReadPositionService,
    private readonly weights: ScorecardWeightsService,
    private readonly audit: AuditLog,
  ) {}

  async publish(body: PublishReportDto, ctx: CommandContext): Promise<Report> {
    const knownAt = new Date().toISOString();
    const period = reportPeriod(body.kind, body.period, businessDate(knownAt));
    // Everything recorded before the publication moment must be in the read models first.
    if (!(await this.positions.waitUntilCaughtUp(CATCH_UP_MS)))
      throw new ApiError('READ_MODELS_BEHIND', 'The read models are catching up; publish again shortly.');
    const { weights } = await this.weights.get();
    const figures = await reportFigures(this.dataSource, period, knownAt, weights);
    const id = randomUUID();
    await this.dataSource.transaction(async (db) => {
      await db.query(
        `INSERT INTO published_reports (id, kind, period, period_start, period_end, known_at, published_by, figures)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          id,
          period.kind,
          period.period,
          period.start,
          period.end,
          knownAt,
          ctx.actor.username,
          JSON.stringify(figures),
        ],
      );
      await this.audit.recordIn(db, {
        action: 'report.published',
        actor: { username: ctx.actor.username, role: ctx.actor.role },
        target: id,
        clientAddress: ctx.clientAddress,
        correlationId: ctx.correlationId,
        details: { kind: period.kind, period: period.period, knownAt },
      });
    });
    return this.get(id);
  }

  /** Newest first. */
  async list(page: PageRequest): Promise<Page<ReportHeader>> {
    const [{ total }] = await this.dataSource.query('SELECT count(*)::int AS total FROM published_reports');
    const rows: ReportRow[] = await this.dataSource.query(
      `SELECT ${HEADER_COLUMNS} FROM published_reports ORDER BY seq DESC LIMIT $1 OFFSET $2`,
      [page.pageSize, offsetOf(page)],
    );
    return { items: rows.map(headerOf), total, page: page.page, pageSize: page.pageSize };
  }

  async get(id: string): Promise<Report> {
    const rows: ReportRow[] = /^[0-9a-f-]{36}$/i.test(id)
      ? await this.dataSource.query(`SELECT ${HEADER_COLUMNS}, figures FROM published_reports WHERE id = $1`, [id])
      : [];
    if (rows.length === 0) throw new ApiError('REPORT_NOT_FOUND', `No report has the id ${id}.`);
    return { ...headerOf(rows[0]), figures: rows[0].figures! };
  }
}

function headerOf(row: ReportRow): ReportHeader {
  return {
    id: row.id,
    kind: row.kind,
    period: row.period,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    asOf: row.period_end,
    knownAt: row.known_at.toISOString(),
    publishedBy: row.published_by,
  };
}
