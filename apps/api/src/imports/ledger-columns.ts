/**
 * The columns of the project ledger import (the template's header row). The parser finds them
 * by their header text, so their order in a sheet does not matter; `required` ones must be
 * present as headers, and filled in on every row.
 */
export interface LedgerColumn {
  key: LedgerKey;
  header: string;
  width: number;
  kind: 'text' | 'date' | 'wanYuan' | 'score';
  required?: boolean;
  /** Longest text accepted (as the HTTP commands accept). */
  max?: number;
  note: string;
}

export type LedgerKey =
  | 'ref'
  | 'title'
  | 'enterprise'
  | 'creditCode'
  | 'industryChain'
  | 'district'
  | 'investment'
  | 'summary'
  | 'submittedOn'
  | 'approvedOn'
  | 'ideaScore'
  | 'validationScore'
  | 'feasibilityScore'
  | 'conference'
  | 'conferenceOn'
  | 'lead'
  | 'supporting'
  | 'assignedOn'
  | 'dueOn'
  | 'landedOn'
  | 'actualInvestment'
  | 'withdrawnOn'
  | 'withdrawalReason';

export const LEDGER_COLUMNS: LedgerColumn[] = [
  {
    key: 'ref',
    header: '项目编号',
    width: 16,
    kind: 'text',
    required: true,
    max: 100,
    note: '台账中的编号，全表唯一；再次导入同一编号不会重复建项目',
  },
  { key: 'title', header: '项目名称', width: 30, kind: 'text', required: true, max: 200, note: '' },
  {
    key: 'enterprise',
    header: '申报企业',
    width: 28,
    kind: 'text',
    required: true,
    max: 200,
    note: '按信用代码匹配已有企业，无代码时按名称完全匹配；都没有则新建',
  },
  {
    key: 'creditCode',
    header: '统一社会信用代码',
    width: 22,
    kind: 'text',
    max: 18,
    note: '18 位，校验位须正确（GB 32100-2015）',
  },
  { key: 'industryChain', header: '产业链', width: 14, kind: 'text', required: true, max: 100, note: '' },
  { key: 'district', header: '区(市)', width: 10, kind: 'text', max: 50, note: '' },
  {
    key: 'investment',
    header: '计划投资(万元)',
    width: 14,
    kind: 'wanYuan',
    required: true,
    note: '数字，单位万元，最多 4 位小数',
  },
  { key: 'summary', header: '项目简介', width: 30, kind: 'text', max: 4000, note: '' },
  { key: 'submittedOn', header: '申报日期', width: 12, kind: 'date', required: true, note: '日期，如 2024-03-15' },
  { key: 'approvedOn', header: '入库日期', width: 12, kind: 'date', note: '评审通过、进入项目库的日期' },
  { key: 'ideaScore', header: '创意好(分)', width: 10, kind: 'score', note: '0–100 整数，填了入库日期时必填' },
  { key: 'validationScore', header: '论证实(分)', width: 10, kind: 'score', note: '0–100 整数，填了入库日期时必填' },
  { key: 'feasibilityScore', header: '可落地(分)', width: 10, kind: 'score', note: '0–100 整数，填了入库日期时必填' },
  {
    key: 'conference',
    header: '发布创意会',
    width: 24,
    kind: 'text',
    max: 200,
    note: '按名称和日期匹配已有创意会，没有则新建',
  },
  { key: 'conferenceOn', header: '创意会日期', width: 12, kind: 'date', note: '项目在此日发布；填了发布创意会时必填' },
  { key: 'lead', header: '牵头部门', width: 20, kind: 'text', max: 100, note: '部门代码或全称，须已存在' },
  { key: 'supporting', header: '配合部门', width: 28, kind: 'text', max: 1000, note: '多个用“、”或逗号分隔' },
  {
    key: 'assignedOn',
    header: '交办日期',
    width: 12,
    kind: 'date',
    note: '落实方案（一项目一策）交办日期；填了牵头部门时必填',
  },
  {
    key: 'dueOn',
    header: '计划落地日期',
    width: 12,
    kind: 'date',
    note: '“项目落地”节点的完成时限；填了牵头部门时必填',
  },
  { key: 'landedOn', header: '落地日期', width: 12, kind: 'date', note: '须有牵头部门和交办日期' },
  { key: 'actualInvestment', header: '实际投资(万元)', width: 14, kind: 'wanYuan', note: '数字，单位万元' },
  { key: 'withdrawnOn', header: '退出日期', width: 12, kind: 'date', note: '' },
  { key: 'withdrawalReason', header: '退出原因', width: 24, kind: 'text', max: 4000, note: '填了退出日期时必填' },
];

export const COLUMN_BY_KEY = Object.fromEntries(LEDGER_COLUMNS.map((c) => [c.key, c])) as Record<
  LedgerKey,
  LedgerColumn
>;
