/**
 * Reference data the forms and filters choose from. Departments and conferences come from the API
 * once per session; districts and industry chains are Qingdao's fixed lists, offered as choices so
 * that the same chain is always spelled the same way.
 */
import { api, Conference, Department } from './api';
import { useLoad } from './use-load';

export const DISTRICTS = [
  '市南区',
  '市北区',
  '李沧区',
  '崂山区',
  '黄岛区',
  '城阳区',
  '即墨区',
  '胶州市',
  '平度市',
  '莱西市',
];

export const INDUSTRY_CHAINS = [
  '新一代信息技术',
  '集成电路',
  '新型显示',
  '虚拟现实',
  '人工智能',
  '工业互联网',
  '智能家电',
  '新能源汽车',
  '轨道交通装备',
  '高端装备',
  '船舶海工装备',
  '现代海洋',
  '生物医药',
  '医疗器械',
  '新材料',
  '新能源',
  '氢能',
  '节能环保',
  '食品饮料',
  '纺织服装',
  '精细化工',
  '航空航天',
  '现代金融',
  '文化旅游',
];

let departments: Promise<Department[]> | null = null;
let conferences: Promise<Conference[]> | null = null;

/** Forgets the cached lists, e.g. when another user logs in. */
export function clearReferenceData(): void {
  departments = null;
  conferences = null;
}

function cached<T>(
  current: Promise<T> | null,
  load: () => Promise<T>,
  keep: (p: Promise<T> | null) => void,
): Promise<T> {
  if (current) return current;
  const promise = load();
  keep(promise);
  // A failed load is not cached: the next view asks again.
  promise.catch(() => keep(null));
  return promise;
}

export function useDepartments(): Department[] {
  return useLoad(() => cached(departments, api.departments, (p) => (departments = p)), []).data ?? [];
}

export function useConferences(): Conference[] {
  return useLoad(() => cached(conferences, api.conferences, (p) => (conferences = p)), []).data ?? [];
}

/** The name of a department code, or the code itself while the list is loading or unknown. */
export function departmentName(list: Department[], code: string | null | undefined): string {
  if (!code) return '—';
  return list.find((department) => department.code === code)?.name ?? code;
}
