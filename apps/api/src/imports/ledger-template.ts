import { stream } from 'exceljs';
import { LedgerSheet, SheetColumn } from '../exports/xlsx-sheet';
import { LEDGER_COLUMNS } from './ledger-columns';
import { IMPORT_LIMITS } from './xlsx-upload';

const SAMPLE: Record<string, string | number> = {
  项目编号: 'QD-2024-001',
  项目名称: '智慧海洋牧场',
  申报企业: '青岛海智装备有限公司',
  统一社会信用代码: '91350100M000100Y43',
  产业链: '海洋经济',
  '区(市)': '黄岛区',
  '计划投资(万元)': 20000,
  项目简介: '深远海养殖平台与智能投喂',
  申报日期: '2024-03-01',
  入库日期: '2024-03-20',
  '创意好(分)': 90,
  '论证实(分)': 85,
  '可落地(分)': 80,
  发布创意会: '第一届民营经济创意会',
  创意会日期: '2024-04-10',
  牵头部门: 'hyj',
  配合部门: 'zrzyj、fgw',
  交办日期: '2024-04-15',
  计划落地日期: '2024-12-31',
  落地日期: '2024-11-20',
  '实际投资(万元)': 21500.5,
};

/** `GET /api/imports/projects/template.xlsx`: the columns (required ones marked *), a sample row, and what each column takes. */
export async function writeLedgerTemplate(workbook: stream.xlsx.WorkbookWriter): Promise<void> {
  const columns: SheetColumn[] = LEDGER_COLUMNS.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    width: c.width,
    kind: c.kind === 'wanYuan' ? 'wanYuan' : c.kind === 'date' ? 'date' : c.kind === 'score' ? 'integer' : 'text',
  }));
  const sheet = new LedgerSheet(
    workbook,
    '项目台账',
    `项目台账导入模板（带 * 为必填；第 3 行为示例，导入前请删除；每个文件最多 ${IMPORT_LIMITS.rows} 行）`,
    columns,
  );
  sheet.add(LEDGER_COLUMNS.map((c) => SAMPLE[c.header] ?? null));
  sheet.commit();
  const notes = new LedgerSheet(workbook, '填写说明', '各列填写说明', [
    { header: '列', width: 18 },
    { header: '必填', width: 8 },
    { header: '说明', width: 80 },
  ]);
  for (const c of LEDGER_COLUMNS) notes.add([c.header, c.required ? '是' : '', c.note]);
  notes.add([
    '文件',
    '',
    `.xlsx（不接受 .xls、.xlsm 等），不超过 ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB，解压后不超过 ${IMPORT_LIMITS.unpackedBytes / 1024 / 1024} MB`,
  ]);
  notes.commit();
  await workbook.commit();
}
