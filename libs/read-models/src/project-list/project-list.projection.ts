import { departmentsActingOn, parseStreamId } from '@luodi/domain';
import { pinyin } from 'pinyin-pro';
import { CreateReadModels1764100000000 } from '../migrations/1764100000000-create-read-models.migration';
import { AddProjectListDepartments1764400000000 } from '../migrations/1764400000000-add-project-list-departments.migration';
import { AddReadQueryIndexes1765000000000 } from '../migrations/1765000000000-add-read-query-indexes.migration';
import { AddProjectListSearchPinyin1765000000002 } from '../migrations/1765000000002-add-project-list-search-pinyin.migration';
import { AddProjectListSearchGrams1765300000000 } from '../migrations/1765300000000-add-project-list-search-grams.migration';
import { AddPinyinSearchGrams1765600000000 } from '../migrations/1765600000000-add-pinyin-search-grams.migration';
import { ProjectionEvent } from '../projection-event';
import { ownStream, RowProjection } from '../projector/projection';
import { ProjectListRow } from './project-list.entity';
import { searchGramsOf } from './project-search-grams';

/**
 * The pinyin `q` matches besides the text itself: for title and enterprise name, the full
 * toneless pinyin and the initials, lowercase, joined without spaces (港晟 → "gangsheng gs").
 * Parts are space-separated so a letters-only `q` cannot match across two of them.
 */
export function searchPinyinOf(title: string, enterpriseName: string): string {
  const syllables = (text: string, pattern: 'pinyin' | 'first') =>
    pinyin(text, { pattern, toneType: 'none', type: 'array', nonZh: 'removed', v: true }).join('').toLowerCase();
  return [title, enterpriseName].flatMap((text) => [syllables(text, 'pinyin'), syllables(text, 'first')]).join(' ');
}

/** The columns `q` searches besides the texts: their pinyin, and the grams of both (project-search-grams.ts). */
function searchColumnsOf(
  title: string,
  enterpriseName: string,
  summary: string | null,
): Pick<ProjectListRow, 'searchPinyin' | 'searchGrams'> {
  const searchPinyin = searchPinyinOf(title, enterpriseName);
  return { searchPinyin, searchGrams: searchGramsOf(title, enterpriseName, summary, searchPinyin) };
}

/**
 * The project list row after one more event. Project events change their own project's row; an
 * enterprise rename changes the rows of that enterprise's projects. Anything else: unchanged.
 */
export function evolveProjectList(row: ProjectListRow | null, event: ProjectionEvent): ProjectListRow | null {
  if (event.type === 'EnterpriseUpdated') {
    const renamed =
      row !== null && event.data.name !== undefined && parseStreamId(event.streamId)?.id === row.enterpriseId;
    return renamed
      ? {
          ...row,
          enterpriseName: event.data.name!,
          ...searchColumnsOf(row.title, event.data.name!, row.summary),
        }
      : row;
  }
  if (event.type === 'ProjectSubmitted') {
    const { data } = event;
    return {
      id: data.projectId,
      title: data.title,
      summary: data.summary ?? null,
      enterpriseId: data.enterpriseId,
      enterpriseName: data.enterpriseName,
      ...searchColumnsOf(data.title, data.enterpriseName, data.summary ?? null),
      industryChain: data.industryChain,
      district: data.district ?? null,
      investmentYuan: data.investmentYuan,
      status: 'submitted',
      leadDepartment: null,
      supportingDepartments: [],
      departments: [],
      conferenceId: null,
      conferenceTitle: null,
      submittedAt: data.occurredAt,
      enteredLibraryAt: null,
      landedOn: null,
      withdrawnAt: null,
      version: event.streamPosition,
      position: event.globalPosition,
      updatedAt: data.occurredAt,
    };
  }
  if (row === null || parseStreamId(event.streamId)?.kind !== 'project') return row;

  const next: ProjectListRow = {
    ...row,
    version: event.streamPosition,
    position: event.globalPosition,
    updatedAt: event.data.occurredAt,
  };
  switch (event.type) {
    case 'ProjectReviewed':
      if (event.data.verdict === 'approved')
        return { ...next, status: 'approved', enteredLibraryAt: event.data.occurredAt };
      if (event.data.verdict === 'rejected') return { ...next, status: 'rejected' };
      return next;
    case 'SubmissionRevised': {
      const { title, summary, industryChain, district, investmentYuan } = event.data;
      return {
        ...next,
        title: title ?? next.title,
        summary: summary ?? next.summary,
        ...(title === undefined && summary === undefined
          ? {}
          : searchColumnsOf(title ?? next.title, next.enterpriseName, summary ?? next.summary)),
        industryChain: industryChain ?? next.industryChain,
        district: district ?? next.district,
        investmentYuan: investmentYuan ?? next.investmentYuan,
      };
    }
    case 'ProjectPresented':
      return {
        ...next,
        status: 'presented',
        conferenceId: event.data.conferenceId,
        conferenceTitle: event.data.conferenceTitle,
      };
    case 'LandingPlanAssigned':
    case 'LandingPlanRevised':
      return {
        ...next,
        status: 'assigned',
        leadDepartment: event.data.leadDepartment,
        supportingDepartments: [...event.data.supportingDepartments],
        departments: departmentsActingOn(event.data),
      };
    case 'ProjectLanded':
      return { ...next, status: 'landed', landedOn: event.data.landedOn };
    case 'ProjectWithdrawn':
      return { ...next, status: 'withdrawn', withdrawnAt: event.data.occurredAt };
    case 'LandingCorrected':
      return { ...next, landedOn: event.data.landedOn };
    case 'LandingRevoked':
      return { ...next, status: 'assigned', landedOn: null };
    // Notices stand outside the project's business-time order (an automatic one may be dated back):
    // the row keeps the time of the project's own latest event.
    case 'SupervisionNoticeIssued':
    case 'SupervisionNoticeAcknowledged':
    case 'SupervisionNoticeAnswered':
    case 'SupervisionNoticeEscalated':
      return { ...next, updatedAt: row.updatedAt };
    default:
      return next;
  }
}

const projectRow = ownStream('project');

/** `project_list`: a project's own events, and an enterprise's rename for each of its projects. */
export const projectList: RowProjection<ProjectListRow> = {
  kind: 'rows',
  name: 'project-list',
  entity: ProjectListRow,
  key: 'id',
  migrations: [
    CreateReadModels1764100000000,
    AddProjectListDepartments1764400000000,
    AddReadQueryIndexes1765000000000,
    AddProjectListSearchPinyin1765000000002,
    AddProjectListSearchGrams1765300000000,
    AddPinyinSearchGrams1765600000000,
  ],
  target(event, stream) {
    if (event.type === 'EnterpriseUpdated' && event.data.name !== undefined && stream)
      return { where: 'enterpriseId', equals: stream.id };
    return projectRow(event, stream);
  },
  evolve: evolveProjectList,
};
