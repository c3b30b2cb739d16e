import type { ProjectStatus } from '@luodi/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn, dateColumn, instantColumn, textColumn } from '../column-types';

/**
 * One row per project for `GET /api/projects`: its current attributes, searchable (the
 * migration adds a generated `search` tsvector over title, enterprise name and summary).
 */
@Entity({ name: 'project_list' })
export class ProjectListRow {
  @PrimaryColumn({ name: 'id', type: 'text' })
  id: string;

  @Column(textColumn('title'))
  title: string;

  @Column(textColumn('summary', true))
  summary: string | null;

  @Column(textColumn('enterprise_id'))
  enterpriseId: string;

  /** As the enterprise is named now: renames reach the rows of its projects. */
  @Column(textColumn('enterprise_name'))
  enterpriseName: string;

  /**
   * Pinyin of title and enterprise name, full and initials, for `q` (see searchPinyinOf). Not
   * selected: only searched, never answered (the projection's writer reads and writes it).
   */
  @Column({ name: 'search_pinyin', type: 'text', select: false })
  searchPinyin: string;

  /** Grams of title, enterprise name and summary for `q` (see project-search-grams.ts): a tsvector's text. Not selected. */
  @Column({ name: 'search_grams', type: 'tsvector', select: false })
  searchGrams: string;

  @Column(textColumn('industry_chain'))
  industryChain: string;

  @Column(textColumn('district', true))
  district: string | null;

  @Column(bigintColumn('investment_yuan'))
  investmentYuan: number;

  @Column(textColumn('status'))
  status: ProjectStatus;

  /** Of the landing plan in force (the latest one). */
  @Column(textColumn('lead_department', true))
  leadDepartment: string | null;

  @Column({ name: 'supporting_departments', type: 'text', array: true })
  supportingDepartments: string[];

  /** The departments that may act on the project: departmentsActingOn (@luodi/domain) of the plan in force. */
  @Column({ name: 'departments', type: 'text', array: true })
  departments: string[];

  @Column(textColumn('conference_id', true))
  conferenceId: string | null;

  @Column(textColumn('conference_title', true))
  conferenceTitle: string | null;

  @Column(instantColumn('submitted_at', false))
  submittedAt: string;

  @Column(instantColumn('entered_library_at'))
  enteredLibraryAt: string | null;

  @Column(dateColumn('landed_on'))
  landedOn: string | null;

  @Column(instantColumn('withdrawn_at'))
  withdrawnAt: string | null;

  /** The project stream's version (send it as If-Match). */
  @Column({ name: 'version', type: 'integer' })
  version: number;

  /** Global position of the project's latest event. */
  @Column(bigintColumn('position'))
  position: number;

  /** Business time of the project's latest event. */
  @Column(instantColumn('updated_at', false))
  updatedAt: string;
}
