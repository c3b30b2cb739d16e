/**
 * Reference data the forms and filters choose from. Departments, industry chains and conferences
 * come from the API once per session; districts are Qingdao's fixed list. In English mode a name
 * shows in English where one is given, else in Chinese.
 */
import { api, Conference, Department, IndustryChain } from './api';
import { getLang } from './i18n';
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

/** The districts' built-in English names. */
const DISTRICT_NAMES_EN: Record<string, string> = {
  市南区: 'Shinan District',
  市北区: 'Shibei District',
  李沧区: 'Licang District',
  崂山区: 'Laoshan District',
  黄岛区: 'Huangdao District',
  城阳区: 'Chengyang District',
  即墨区: 'Jimo District',
  胶州市: 'Jiaozhou City',
  平度市: 'Pingdu City',
  莱西市: 'Laixi City',
};

/** The name to show: the English one in English mode where there is one. */
export function localName(name: string, nameEn?: string | null): string {
  return getLang() === 'en' && nameEn ? nameEn : name;
}

/** A conference's theme to show: the English one in English mode where there is one; null without any. */
export function conferenceTheme(conference: { theme?: string | null; themeEn?: string | null }): string | null {
  return getLang() === 'en' && conference.themeEn ? conference.themeEn : (conference.theme ?? null);
}

export function districtName(name: string): string {
  return localName(name, DISTRICT_NAMES_EN[name]);
}

let departments: Promise<Department[]> | null = null;
let conferences: Promise<Conference[]> | null = null;
let industryChains: Promise<IndustryChain[]> | null = null;

/** Forgets the cached lists, e.g. when another user logs in. */
export function clearReferenceData(): void {
  departments = null;
  conferences = null;
  industryChains = null;
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

export function useIndustryChains(): IndustryChain[] {
  return useLoad(() => cached(industryChains, api.industryChains, (p) => (industryChains = p)), []).data ?? [];
}

export function useConferences(): Conference[] {
  return useLoad(() => cached(conferences, api.conferences, (p) => (conferences = p)), []).data ?? [];
}

/** The name of a department code, or the code itself while the list is loading or unknown. */
export function departmentName(list: Department[], code: string | null | undefined): string {
  if (!code) return '—';
  const department = list.find((d) => d.code === code);
  return department ? localName(department.name, department.nameEn) : code;
}
