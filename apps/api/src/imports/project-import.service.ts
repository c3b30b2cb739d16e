import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import {
  businessDate,
  conferenceDecider,
  conferenceStream,
  DomainError,
  earlierOf,
  enterpriseDecider,
  enterpriseStream,
  ProjectCommand,
  projectDecider,
  ProjectState,
  ProjectStatus,
  projectStream,
} from '@luodi/domain';
import { EventMetadata, EventStore, handleCommand } from '@luodi/event-store';
import { DepartmentEntity, IndustryChainEntity } from '@luodi/platform';
import { Workbook } from 'exceljs';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { CommandContext, eventMetadata } from '../common/command-context';
import { readAggregate } from '../common/event-sourced';
import { ApiError, InvalidRowsError } from '../common/problem';
import { EVENT_STORE, PG_POOL } from '../database/database.module';
import { CreditCodeRegistry } from '../enterprises/credit-code-registry.service';
import { COLUMN_BY_KEY, LedgerKey } from './ledger-columns';
import { ImportProblem, LedgerRow, MissingColumnsError, parseLedger } from './ledger-rows';
import { IMPORT_LIMITS, inspectXlsx } from './xlsx-upload';

export interface ImportReport {
  dryRun: boolean;
  /** Rows holding anything. */
  rows: number;
  /** Rows without a problem (already imported ones included). */
  valid: number;
  /** Rows with at least one problem. */
  invalid: number;
  /** Valid rows whose project holds every step of the row already (imported before): they add nothing. */
  alreadyImported: number;
  errors: ImportProblem[];
  /** After a commit: what was written. */
  imported?: { projects: number; enterprises: number; conferences: number; events: number };
  /** After a commit: the global position of the last event written (send it as minPosition). */
  position?: number;
}

/** Projects imported at once, and look-ups made at once; each project is its own stream, so they do not contend. */
const CONCURRENCY = 8;

/** `work` on every item, CONCURRENCY at a time, the results in the items' order. */
async function inParallel<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return results;
}

/** Whether a project's stream already holds a step (an interrupted import resumes after it). */
const REACHED: Record<Step['reaches'], (project: NonNullable<ProjectState>) => boolean> = {
  submitted: () => true,
  approved: (p) => p.enteredLibraryAt !== null,
  presented: (p) => p.presentedAt !== null,
  assigned: (p) => p.plan !== null,
  landed: (p) => p.status === 'landed',
  withdrawn: (p) => p.status === 'withdrawn',
};

interface Step {
  column: LedgerKey;
  /** What the step makes of the project (a retry skips the steps already done). */
  reaches: Exclude<ProjectStatus, 'rejected'>;
  command: ProjectCommand;
}

interface PlannedRow {
  row: LedgerRow;
  projectId: string;
  enterprise: { id: string; name: string; creditCode?: string; isNew: boolean };
  conference?: { id: string; title: string; heldOn: string; isNew: boolean };
  steps: Step[];
}

/**
 * `POST /api/imports/projects`: a historical 台账 validated row by row and cell by cell, then —
 * only if every row is valid — written through the deciders and handleCommand like the HTTP
 * commands, with the sheet's dates as business time.
 *
 * All or nothing: every check runs first, including each row's whole history replayed through
 * the project decider in memory, so the writing cannot be refused by a rule. The event store
 * appends one stream at a time (no multi-stream transaction), so a failure of the database
 * midway is made good by idempotency instead: every id (project, enterprise, conference, plan,
 * milestone) is derived from the sheet, and an import resumes each project at the step its
 * stream has reached. Importing the same file again completes an interrupted import, and adds
 * nothing to a complete one.
 */
@Injectable()
export class ProjectImportService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly dataSource: DataSource,
    private readonly creditCodes: CreditCodeRegistry,
  ) {}

  async run(file: Buffer, fileName: string, dryRun: boolean, ctx: CommandContext): Promise<ImportReport> {
    inspectXlsx(file);
    const workbook = new Workbook();
    try {
      await workbook.xlsx.load(file as unknown as ArrayBuffer);
    } catch {
      throw new ApiError(
        'IMPORT_UNREADABLE',
        'The workbook cannot be read; open it in Excel and save it again as .xlsx.',
      );
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new ApiError('IMPORT_UNREADABLE', 'The workbook has no sheet.');
    if (sheet.actualRowCount > IMPORT_LIMITS.rows + 5) {
      throw new ApiError('IMPORT_TOO_MANY_ROWS', `At most ${IMPORT_LIMITS.rows} rows per file; split the ledger.`);
    }

    const now = new Date().toISOString();
    const departments = await this.dataSource.getRepository(DepartmentEntity).find();
    const codeOf = new Map(departments.flatMap((d) => [[d.code, d.code] as const, [d.name, d.code] as const]));
    const nameOf = new Map(departments.map((d) => [d.code, d.name]));
    const chains = new Set((await this.dataSource.getRepository(IndustryChainEntity).find()).map((c) => c.name));
    let parsed;
    try {
      parsed = parseLedger(sheet, {
        today: businessDate(now),
        departmentCode: (x) => codeOf.get(x),
        isIndustryChain: (x) => chains.has(x),
      });
    } catch (error) {
      if (error instanceof MissingColumnsError) throw new ApiError('IMPORT_MISSING_COLUMNS', error.message);
      throw error;
    }
    if (parsed.rows > IMPORT_LIMITS.rows)
      throw new ApiError('IMPORT_TOO_MANY_ROWS', `At most ${IMPORT_LIMITS.rows} rows per file; split the ledger.`);

    const problems = [...parsed.problems];
    const importId = `import-${createHash('sha256').update(file).digest('hex').slice(0, 16)}`;
    const planned: PlannedRow[] = [];
    let alreadyImported = 0;
    // The look-ups are independent of each other: a few at a time rather than one by one.
    const existing = await inParallel(parsed.valid, (row) =>
      readAggregate(this.store, projectStream(projectIdOf(row.ref)), projectDecider).then((a) => a.state),
    );
    const enterpriseKey = (row: LedgerRow) => row.enterprise.creditCode ?? `name:${row.enterprise.name}`;
    const conferenceKey = ({ title, heldOn }: { title: string; heldOn: string }) => `${title}\u0000${heldOn}`;
    const firstOf = <K>(keyOf: (row: LedgerRow) => K | undefined) => [
      ...new Map(
        parsed.valid.flatMap((row) => (keyOf(row) === undefined ? [] : [[keyOf(row)!, row] as const])).reverse(),
      ).entries(),
    ];
    const enterprises = new Map(
      await inParallel(firstOf(enterpriseKey), async ([key, row]) => [key, await this.matchEnterprise(row)] as const),
    );
    const conferences = new Map(
      await inParallel(
        firstOf((row) => row.conference && conferenceKey(row.conference)),
        async ([key, row]) => [key, await this.matchConference(row.conference!)] as const,
      ),
    );
    parsed.valid.forEach((row, i) => {
      const projectId = projectIdOf(row.ref);
      const enterprise = enterprises.get(enterpriseKey(row))!;
      if ('code' in enterprise) {
        problems.push({ ...enterprise, row: row.row });
        return;
      }
      const conference = row.conference && conferences.get(conferenceKey(row.conference));
      // A project of an earlier import: only the steps its stream does not hold yet are left to do.
      const state = existing[i];
      const steps = stepsOf(row, projectId, enterprise, conference, nameOf, ctx, now).filter(
        (step) => !(state && REACHED[step.reaches](state)),
      );
      if (steps.length === 0) {
        alreadyImported++;
        return;
      }
      const refusal = replay(steps, state);
      if (refusal) problems.push({ row: row.row, ...refusal });
      else planned.push({ row, projectId, enterprise, conference, steps });
    });

    const invalidRows = new Set(problems.map((p) => p.row));
    const report: ImportReport = {
      dryRun,
      rows: parsed.rows,
      valid: parsed.rows - invalidRows.size,
      invalid: invalidRows.size,
      alreadyImported,
      errors: problems.sort((a, b) => a.row - b.row),
    };
    if (dryRun) return report;
    if (problems.length > 0) {
      const { rows, valid, invalid, errors } = report;
      throw new InvalidRowsError(
        `${invalid} of ${rows} rows have problems; nothing was imported. Fix them (a dry run lists them) and import again.`,
        { rows, valid, invalid },
        errors,
      );
    }
    return {
      ...report,
      ...(await this.commit(planned, { ...eventMetadata(ctx), import: { importId, fileName } }, now)),
    };
  }

  private async commit(
    rows: PlannedRow[],
    metadata: EventMetadata,
    now: string,
  ): Promise<Pick<ImportReport, 'imported' | 'position'>> {
    const imported = { projects: 0, enterprises: 0, conferences: 0, events: 0 };
    let position = 0;
    const track = (result: { position: number; events: unknown[] }) => {
      imported.events += result.events.length;
      position = Math.max(position, result.position);
    };
    const meta = (row?: LedgerRow): EventMetadata =>
      row ? { ...metadata, import: { ...(metadata.import as object), row: row.row, ref: row.ref } } : metadata;

    const submits = rows.filter((r) => r.steps[0].reaches === 'submitted');
    const newEnterprises = new Map(submits.filter((r) => r.enterprise.isNew).map((r) => [r.enterprise.id, r]));
    for (const { enterprise, row } of newEnterprises.values()) {
      // An earlier, interrupted run of this import may have registered it already.
      if ((await this.store.readStream(enterpriseStream(enterprise.id))).version > 0) continue;
      await this.creditCodes.registering(enterprise.creditCode, enterprise.id, async () =>
        track(
          await handleCommand(
            this.store,
            enterpriseStream(enterprise.id),
            enterpriseDecider,
            {
              type: 'RegisterEnterprise',
              data: {
                enterpriseId: enterprise.id,
                name: enterprise.name,
                creditCode: enterprise.creditCode,
                district: row.district,
                tier: 'none',
                occurredAt: at(row.submittedOn, '08:00', now),
              },
              metadata: { now },
            },
            { metadata: meta(row) },
          ),
        ),
      );
      imported.enterprises++;
    }
    const newConferences = new Map(
      rows
        .filter((r) => r.conference?.isNew && r.steps.some((step) => step.reaches === 'presented'))
        .map((r) => [r.conference!.id, r]),
    );
    for (const { conference, row } of newConferences.values()) {
      const { id, title, heldOn } = conference!;
      if ((await this.store.readStream(conferenceStream(id))).version > 0) continue;
      track(
        await handleCommand(
          this.store,
          conferenceStream(id),
          conferenceDecider,
          {
            type: 'ScheduleConference',
            data: { conferenceId: id, title, heldOn, occurredAt: at(heldOn, '08:00', now) },
            metadata: { now },
          },
          { metadata: meta(row) },
        ),
      );
      imported.conferences++;
    }

    await inParallel(rows, async (planned) => {
      // Read again: a concurrent or interrupted run may have written some steps since.
      const { state } = await readAggregate(this.store, projectStream(planned.projectId), projectDecider);
      for (const step of planned.steps) {
        if (state && REACHED[step.reaches](state)) continue;
        track(
          await handleCommand(this.store, projectStream(planned.projectId), projectDecider, step.command, {
            metadata: meta(planned.row),
          }),
        );
      }
      imported.projects++;
    });
    return { imported, position };
  }

  /** By credit code, else by exact name; else a new enterprise with an id derived from the sheet. */
  private async matchEnterprise(row: LedgerRow): Promise<PlannedRow['enterprise'] | ImportProblem> {
    const { name, creditCode } = row.enterprise;
    if (creditCode) {
      const { rows } = await this.pool.query<{ enterprise_id: string }>(
        'SELECT enterprise_id FROM enterprise_credit_codes WHERE credit_code = $1',
        [creditCode],
      );
      const held = rows[0]?.enterprise_id;
      if (held) {
        const { state } = await readAggregate(this.store, enterpriseStream(held), enterpriseDecider);
        if (state) return { id: state.id, name: state.name, isNew: false };
      }
    }
    const { rows } = await this.pool.query<{ id: string; name: string; credit_code: string | null }>(
      'SELECT id, name, credit_code FROM enterprise_list WHERE name = $1 ORDER BY registered_at, id LIMIT 1',
      [name],
    );
    const byName = rows[0];
    if (byName) {
      if (creditCode && byName.credit_code && byName.credit_code !== creditCode) {
        return {
          row: row.row,
          column: COLUMN_BY_KEY.creditCode.header,
          code: 'ENTERPRISE_CODE_CONFLICT',
          message: `${name} is registered with 统一社会信用代码 ${byName.credit_code}.`,
        };
      }
      return { id: byName.id, name: byName.name, isNew: false };
    }
    return { id: derivedId('enterprise', creditCode ?? name), name, creditCode, isNew: true };
  }

  /** By title and date, else a new conference with an id derived from both. */
  private async matchConference(conference: {
    title: string;
    heldOn: string;
  }): Promise<NonNullable<PlannedRow['conference']>> {
    const { rows } = await this.pool.query<{ id: string }>(
      'SELECT id FROM conference_list WHERE title = $1 AND held_on = $2 ORDER BY id LIMIT 1',
      [conference.title, conference.heldOn],
    );
    if (rows[0]) return { id: rows[0].id, ...conference, isNew: false };
    return { id: derivedId('conference', `${conference.title}\u0000${conference.heldOn}`), ...conference, isNew: true };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A 项目编号 that is a project id (a ledger exported by Luodi) is that project; any other gives a derived id. */
export const projectIdOf = (ref: string): string => (UUID.test(ref) ? ref.toLowerCase() : derivedId('project', ref));

/** A UUID (version 8: custom) from a SHA-256 of what it names, so an import run again finds the same ids. */
export function derivedId(kind: string, key: string): string {
  const hex = createHash('sha256').update(`luodi-import\u0000${kind}\u0000${key}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A step's business time: the sheet's date at a fixed hour (CST), so the steps of one day keep their order; never after now. */
function at(date: string, time: string, now: string): string {
  return earlierOf(new Date(`${date}T${time}:00+08:00`).toISOString(), now);
}

function stepsOf(
  row: LedgerRow,
  projectId: string,
  enterprise: PlannedRow['enterprise'],
  conference: PlannedRow['conference'],
  nameOf: Map<string, string>,
  ctx: CommandContext,
  now: string,
): Step[] {
  const metadata = { now };
  const steps: Step[] = [
    {
      column: 'ref',
      reaches: 'submitted',
      command: {
        type: 'SubmitProject',
        data: {
          projectId,
          enterprise: { id: enterprise.id, name: enterprise.name },
          title: row.title,
          summary: row.summary,
          industryChain: row.industryChain,
          district: row.district,
          investmentYuan: row.investmentYuan,
          needs: [],
          occurredAt: at(row.submittedOn, '09:00', now),
        },
        metadata,
      },
    },
  ];
  if (row.review) {
    steps.push({
      column: 'approvedOn',
      reaches: 'approved',
      command: {
        type: 'ReviewProject',
        data: {
          reviewId: derivedId('review', projectId),
          reviewer: { userId: ctx.actor.userId, username: ctx.actor.username },
          verdict: 'approved',
          scores: row.review.scores,
          comment: '导入台账',
          occurredAt: at(row.review.approvedOn, '10:00', now),
        },
        metadata,
      },
    });
  }
  if (row.conference && conference) {
    steps.push({
      column: 'conference',
      reaches: 'presented',
      command: {
        type: 'PresentProject',
        data: {
          conference: { id: conference.id, title: conference.title, heldOn: conference.heldOn },
          occurredAt: at(row.conference.heldOn, '11:00', now),
        },
        metadata,
      },
    });
  }
  if (row.plan) {
    const { lead, supporting, assignedOn, dueOn } = row.plan;
    steps.push({
      column: 'lead',
      reaches: 'assigned',
      command: {
        type: 'AssignLandingPlan',
        data: {
          planId: derivedId('plan', projectId),
          leadDepartment: lead,
          supportingDepartments: supporting,
          milestones: [
            {
              milestoneId: derivedId('milestone', projectId),
              title: '项目落地',
              dueOn,
              departmentCode: lead,
              owner: nameOf.get(lead) ?? lead,
            },
          ],
          knownDepartments: [...nameOf.keys()],
          occurredAt: at(assignedOn, '12:00', now),
        },
        metadata,
      },
    });
  }
  if (row.landing) {
    steps.push({
      column: 'landedOn',
      reaches: 'landed',
      command: {
        type: 'LandProject',
        data: {
          landedOn: row.landing.landedOn,
          actualInvestmentYuan: row.landing.actualInvestmentYuan,
          evidence: '导入台账',
          // A ledger records the landing, not the milestone the import gives its plan.
          confirmOpenItems: true,
        },
        metadata,
      },
    });
  }
  if (row.withdrawal) {
    steps.push({
      column: 'withdrawnOn',
      reaches: 'withdrawn',
      command: {
        type: 'WithdrawProject',
        data: { reason: row.withdrawal.reason, occurredAt: at(row.withdrawal.withdrawnOn, '17:00', now) },
        metadata,
      },
    });
  }
  return steps;
}

/** The column of a command field a decider names in its error (a step's other fields come from its own column). */
const COLUMN_OF_FIELD: Record<string, LedgerKey> = {
  title: 'title',
  summary: 'summary',
  industryChain: 'industryChain',
  district: 'district',
  investmentYuan: 'investment',
  actualInvestmentYuan: 'actualInvestment',
  reason: 'withdrawalReason',
  landedOn: 'landedOn',
};

/** Runs a row's history through the project decider in memory: the first rule it breaks, at its column. */
function replay(steps: Step[], from: ProjectState): Omit<ImportProblem, 'row'> | undefined {
  let state = from;
  for (const step of steps) {
    try {
      state = projectDecider.decide(step.command, state).reduce(projectDecider.evolve, state);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return {
        column: COLUMN_BY_KEY[(error.field && COLUMN_OF_FIELD[error.field]) || step.column].header,
        code: error.code,
        message: error.message,
      };
    }
  }
  return undefined;
}
