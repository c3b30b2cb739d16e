import { hasVisibleText, isValidDate, isValidUnifiedSocialCreditCode } from '@luodi/domain';
import { CellValue, Worksheet } from 'exceljs';
import { COLUMN_BY_KEY, LEDGER_COLUMNS, LedgerColumn, LedgerKey } from './ledger-columns';

/** One problem of an import, at its row (as Excel numbers them) and column (its header). */
export interface ImportProblem {
  row: number;
  column: string;
  code: string;
  message: string;
}

/** A ledger row that passed every cell check: the project's history as the sheet states it. */
export interface LedgerRow {
  row: number;
  ref: string;
  title: string;
  enterprise: { name: string; creditCode?: string };
  industryChain: string;
  district?: string;
  investmentYuan: number;
  summary?: string;
  submittedOn: string;
  review?: { approvedOn: string; scores: { idea: number; validation: number; feasibility: number } };
  conference?: { title: string; heldOn: string };
  plan?: { lead: string; supporting: string[]; assignedOn: string; dueOn: string };
  landing?: { landedOn: string; actualInvestmentYuan?: number };
  withdrawal?: { withdrawnOn: string; reason: string };
}

export interface ParsedLedger {
  /** Rows holding anything (empty rows are ignored). */
  rows: number;
  valid: LedgerRow[];
  problems: ImportProblem[];
}

/** Headers that must be in the sheet. */
export class MissingColumnsError extends Error {
  constructor(readonly missing: string[]) {
    super(
      `The sheet has no column ${missing.join(', ')}; start from the template (GET /api/imports/projects/template.xlsx).`,
    );
  }
}

export interface LedgerContext {
  /** Today's business date: nothing in a ledger can have happened later. */
  today: string;
  /** Department codes by code and by name. */
  departmentCode: (codeOrName: string) => string | undefined;
  /** Whether a chain of that Chinese name is in the catalogue (GET /api/industry-chains). */
  isIndustryChain: (name: string) => boolean;
}

/** The first rows may hold a title; the header row is the one that names 项目编号. */
const HEADER_SEARCH_ROWS = 5;

/** Every row and cell of the first sheet checked; problems are collected, never thrown. */
export function parseLedger(sheet: Worksheet, context: LedgerContext): ParsedLedger {
  const headerRow = findHeaderRow(sheet);
  const columnOf = new Map<LedgerKey, number>();
  sheet.getRow(headerRow).eachCell((cell, col) => {
    const header = textOf(cell.value)?.replace(/\*$/, '').trim();
    const column = LEDGER_COLUMNS.find((c) => c.header === header);
    if (column && !columnOf.has(column.key)) columnOf.set(column.key, col);
  });
  const missing = LEDGER_COLUMNS.filter((c) => c.required && !columnOf.has(c.key)).map((c) => c.header);
  if (missing.length > 0) throw new MissingColumnsError(missing);

  const problems: ImportProblem[] = [];
  const valid: LedgerRow[] = [];
  const firstRowOfRef = new Map<string, number>();
  let rows = 0;
  for (let n = headerRow + 1; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    const raw = (key: LedgerKey): CellValue => (columnOf.has(key) ? row.getCell(columnOf.get(key)!).value : null);
    if (LEDGER_COLUMNS.every((c) => isBlank(raw(c.key)))) continue;
    rows++;
    const before = problems.length;
    const parsed = parseRow(n, raw, context, (column, code, message) =>
      problems.push({ row: n, column: column.header, code, message }),
    );
    if (parsed) {
      const first = firstRowOfRef.get(parsed.ref);
      if (first !== undefined) {
        problems.push({
          row: n,
          column: COLUMN_BY_KEY.ref.header,
          code: 'DUPLICATE_PROJECT_NUMBER',
          message: `项目编号 ${parsed.ref} is already on row ${first}.`,
        });
      } else {
        firstRowOfRef.set(parsed.ref, n);
      }
    }
    if (parsed && problems.length === before) valid.push(parsed);
  }
  checkEnterprises(valid, problems);
  const invalidRows = new Set(problems.map((p) => p.row));
  return {
    rows,
    valid: valid.filter((r) => !invalidRows.has(r.row)),
    problems: problems.sort((a, b) => a.row - b.row),
  };
}

type Report = (column: LedgerColumn, code: string, message: string) => void;

function parseRow(
  n: number,
  raw: (key: LedgerKey) => CellValue,
  context: LedgerContext,
  report: Report,
): LedgerRow | undefined {
  const c = COLUMN_BY_KEY;
  let ok = true;
  const fail: Report = (column, code, message) => {
    ok = false;
    report(column, code, message);
  };
  const read = <T>(key: LedgerKey, parse: (value: CellValue, column: LedgerColumn) => T | undefined): T | undefined => {
    const column = c[key];
    const value = raw(key);
    if (isFormula(value))
      return void fail(column, 'FORMULA_NOT_ALLOWED', 'The cell holds a formula; enter its value instead.');
    if (isBlank(value)) {
      if (column.required) fail(column, 'REQUIRED', `${column.header} is required.`);
      return undefined;
    }
    return parse(value, column);
  };
  const text = (value: CellValue, column: LedgerColumn): string | undefined => {
    const t = textOf(value);
    if (t === undefined) return void fail(column, 'INVALID_VALUE', 'The cell holds no text.');
    if (column.max !== undefined && t.length > column.max)
      return void fail(column, 'TEXT_TOO_LONG', `At most ${column.max} characters.`);
    return t;
  };
  const date = (value: CellValue, column: LedgerColumn): string | undefined => {
    const d = dateOf(value);
    if (d === undefined)
      return void fail(
        column,
        'INVALID_DATE',
        `${textOf(value) ?? String(value)} is not a date that exists (write it as 2024-03-15).`,
      );
    if (d > context.today) return void fail(column, 'DATE_IN_FUTURE', `${d} lies after today (${context.today}).`);
    return d;
  };
  const yuan = (value: CellValue, column: LedgerColumn): number | undefined => {
    if (typeof value !== 'number')
      return void fail(column, 'AMOUNT_IS_TEXT', `${column.header} must be a number (万元), not text.`);
    const amount = Math.round(value * 10_000);
    if (
      !Number.isFinite(value) ||
      value < 0 ||
      Math.abs(amount - value * 10_000) > 1e-6 ||
      amount > Number.MAX_SAFE_INTEGER
    ) {
      return void fail(
        column,
        'INVALID_AMOUNT',
        `${column.header} must be 0 or more, in 万元 with at most 4 decimals.`,
      );
    }
    return amount;
  };
  const score = (value: CellValue, column: LedgerColumn): number | undefined => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100)
      return void fail(column, 'INVALID_SCORE', `${column.header} must be a whole number from 0 to 100.`);
    return value;
  };
  const department = (name: string, column: LedgerColumn): string | undefined => {
    const code = context.departmentCode(name);
    if (code === undefined) fail(column, 'UNKNOWN_DEPARTMENT', `No department ${name} (use its code or full name).`);
    return code;
  };
  const requireWith = (key: LedgerKey, present: boolean, because: LedgerKey): void => {
    if (present && isBlank(raw(key)))
      fail(c[key], 'REQUIRED', `${c[key].header} is required when ${c[because].header} is filled in.`);
  };

  const ref = read('ref', text);
  const title = read('title', text);
  const enterpriseName = read('enterprise', text);
  const creditCode = read('creditCode', (value, column) => {
    const code = text(value, column)?.toUpperCase();
    if (code !== undefined && !isValidUnifiedSocialCreditCode(code))
      return void fail(
        column,
        'INVALID_CREDIT_CODE',
        `${code} is no 统一社会信用代码: 18 characters with a correct check character (GB 32100-2015).`,
      );
    return code;
  });
  const industryChain = read('industryChain', (value, column) => {
    const name = text(value, column);
    // Invisible-only text is left to the decider, which reports it as missing.
    if (name !== undefined && hasVisibleText(name) && !context.isIndustryChain(name))
      return void fail(column, 'UNKNOWN_INDUSTRY_CHAIN', `No industry chain ${name} (use one of the 产业链 list).`);
    return name;
  });
  const district = read('district', text);
  const investmentYuan = read('investment', yuan);
  const summary = read('summary', text);
  const submittedOn = read('submittedOn', date);
  const approvedOn = read('approvedOn', date);
  const scores = {
    idea: read('ideaScore', score),
    validation: read('validationScore', score),
    feasibility: read('feasibilityScore', score),
  };
  const conferenceTitle = read('conference', text);
  const conferenceOn = read('conferenceOn', date);
  const leadName = read('lead', text);
  const lead = leadName === undefined ? undefined : department(leadName, c.lead);
  const supporting = (read('supporting', text) ?? '')
    .split(/[、,，;；\s]+/)
    .filter(Boolean)
    .map((name) => department(name, c.supporting));
  const assignedOn = read('assignedOn', date);
  const dueOn = read('dueOn', (value, column) => {
    const d = dateOf(value);
    if (d === undefined)
      return void fail(
        column,
        'INVALID_DATE',
        `${textOf(value) ?? String(value)} is not a date that exists (write it as 2024-03-15).`,
      );
    return d; // a due date may lie ahead
  });
  const landedOn = read('landedOn', date);
  const actualInvestmentYuan = read('actualInvestment', yuan);
  const withdrawnOn = read('withdrawnOn', date);
  const withdrawalReason = read('withdrawalReason', text);

  // Each step needs the one before it, and is dated on or after it.
  requireWith('ideaScore', !isBlank(raw('approvedOn')), 'approvedOn');
  requireWith('validationScore', !isBlank(raw('approvedOn')), 'approvedOn');
  requireWith('feasibilityScore', !isBlank(raw('approvedOn')), 'approvedOn');
  requireWith('conferenceOn', !isBlank(raw('conference')), 'conference');
  requireWith('conference', !isBlank(raw('conferenceOn')), 'conferenceOn');
  requireWith('assignedOn', !isBlank(raw('lead')), 'lead');
  requireWith('dueOn', !isBlank(raw('lead')), 'lead');
  requireWith('lead', !isBlank(raw('assignedOn')), 'assignedOn');
  requireWith('withdrawalReason', !isBlank(raw('withdrawnOn')), 'withdrawnOn');
  requireWith('withdrawnOn', !isBlank(raw('withdrawalReason')), 'withdrawalReason');
  const needs = (key: LedgerKey, earlier: LedgerKey): void => {
    if (!isBlank(raw(key)) && isBlank(raw(earlier)))
      fail(
        c[key],
        'MISSING_EARLIER_STEP',
        `${c[key].header} needs ${c[earlier].header}: a project goes through the library, the conference and the landing plan in that order.`,
      );
  };
  needs('conference', 'approvedOn');
  needs('lead', 'conference');
  needs('landedOn', 'lead');
  needs('actualInvestment', 'landedOn');
  if (!isBlank(raw('landedOn')) && !isBlank(raw('withdrawnOn')))
    fail(c.withdrawnOn, 'LANDED_AND_WITHDRAWN', 'A landed project cannot also be withdrawn.');
  const order = (
    later: LedgerKey,
    laterDate: string | undefined,
    earlier: LedgerKey,
    earlierDate: string | undefined,
    code = 'DATE_OUT_OF_ORDER',
  ): void => {
    if (laterDate !== undefined && earlierDate !== undefined && laterDate < earlierDate)
      fail(c[later], code, `${c[later].header} ${laterDate} lies before ${c[earlier].header} ${earlierDate}.`);
  };
  order('approvedOn', approvedOn, 'submittedOn', submittedOn);
  order('conferenceOn', conferenceOn, 'approvedOn', approvedOn);
  order('assignedOn', assignedOn, 'conferenceOn', conferenceOn);
  order('landedOn', landedOn, 'approvedOn', approvedOn, 'LANDED_BEFORE_APPROVAL');
  order('landedOn', landedOn, 'assignedOn', assignedOn);
  order(
    'withdrawnOn',
    withdrawnOn,
    'submittedOn',
    [submittedOn, approvedOn, conferenceOn, assignedOn].filter(Boolean).sort().pop(),
  );
  if (lead !== undefined && supporting.includes(lead))
    fail(c.supporting, 'LEAD_ALSO_SUPPORTING', 'The lead department cannot also support.');
  if (new Set(supporting).size !== supporting.length)
    fail(c.supporting, 'DUPLICATE_DEPARTMENT', 'A department is named twice.');

  if (!ok) return undefined;
  return {
    row: n,
    ref: ref!,
    title: title!,
    enterprise: { name: enterpriseName!, ...(creditCode ? { creditCode } : {}) },
    industryChain: industryChain!,
    district,
    investmentYuan: investmentYuan!,
    summary,
    submittedOn: submittedOn!,
    review: approvedOn
      ? { approvedOn, scores: scores as { idea: number; validation: number; feasibility: number } }
      : undefined,
    conference: conferenceTitle && conferenceOn ? { title: conferenceTitle, heldOn: conferenceOn } : undefined,
    plan: lead && assignedOn && dueOn ? { lead, supporting: supporting as string[], assignedOn, dueOn } : undefined,
    landing: landedOn ? { landedOn, actualInvestmentYuan } : undefined,
    withdrawal: withdrawnOn && withdrawalReason ? { withdrawnOn, reason: withdrawalReason } : undefined,
  };
}

/** One enterprise per credit code and per name: two spellings of one would split its dossier. */
function checkEnterprises(rows: LedgerRow[], problems: ImportProblem[]): void {
  const nameOfCode = new Map<string, string>();
  const codeOfName = new Map<string, string | undefined>();
  for (const row of rows) {
    const { name, creditCode } = row.enterprise;
    if (creditCode !== undefined) {
      const known = nameOfCode.get(creditCode);
      if (known !== undefined && known !== name)
        problems.push({
          row: row.row,
          column: COLUMN_BY_KEY.enterprise.header,
          code: 'ENTERPRISE_NAME_CONFLICT',
          message: `统一社会信用代码 ${creditCode} is ${known} on an earlier row.`,
        });
      nameOfCode.set(creditCode, known ?? name);
    }
    if (
      codeOfName.has(name) &&
      creditCode !== undefined &&
      codeOfName.get(name) !== undefined &&
      codeOfName.get(name) !== creditCode
    ) {
      problems.push({
        row: row.row,
        column: COLUMN_BY_KEY.creditCode.header,
        code: 'ENTERPRISE_CODE_CONFLICT',
        message: `${name} has 统一社会信用代码 ${codeOfName.get(name)} on an earlier row.`,
      });
    }
    if (!codeOfName.get(name)) codeOfName.set(name, creditCode);
  }
}

function findHeaderRow(sheet: Worksheet): number {
  for (let n = 1; n <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); n++) {
    let found = false;
    sheet.getRow(n).eachCell((cell) => {
      if (textOf(cell.value)?.replace(/\*$/, '').trim() === COLUMN_BY_KEY.ref.header) found = true;
    });
    if (found) return n;
  }
  throw new MissingColumnsError([COLUMN_BY_KEY.ref.header]);
}

function isFormula(value: CellValue): boolean {
  return value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value);
}

function isBlank(value: CellValue): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (typeof value === 'object' && !(value instanceof Date) && textOf(value) === '')
  );
}

/** A cell's text: strings, numbers (a number typed into a text column), rich text, hyperlinks. */
function textOf(value: CellValue): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && 'richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if (value && typeof value === 'object' && 'text' in value && typeof value.text === 'string') return value.text.trim();
  return undefined;
}

/** Excel's day 0 is 1899-12-30 (with its 1900 leap-year bug already folded in after day 60). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** A calendar date from a date cell, an Excel serial or a text such as 2024-03-15, 2024/3/15, 2024年3月15日. */
function dateOf(value: CellValue): string | undefined {
  let text: string | undefined;
  if (value instanceof Date) text = Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  else if (typeof value === 'number')
    text =
      Number.isInteger(value) && value > 0 && value < 2_958_466
        ? new Date(EXCEL_EPOCH + value * 86_400_000).toISOString().slice(0, 10)
        : undefined;
  else {
    const match = DATE_TEXT.exec(textOf(value) ?? '');
    text = match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : undefined;
  }
  return text !== undefined && isValidDate(text) ? text : undefined;
}
