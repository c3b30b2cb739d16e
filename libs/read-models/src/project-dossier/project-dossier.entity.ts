import type { NeedKind } from '@luodi/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { textColumn } from '../column-types';

export interface DossierNeed {
  needId: string;
  kind: NeedKind;
  description: string;
  resolved: boolean;
  resolution: string | null;
  resolvedAt: string | null;
}

export interface DossierMilestone {
  milestoneId: string;
  title: string;
  dueOn: string;
  departmentCode: string;
  owner: string;
  done: boolean;
  doneAt: string | null;
}

export interface DossierPlan {
  planId: string;
  /** 1 for the first plan, +1 for every revision. */
  revision: number;
  leadDepartment: string;
  supportingDepartments: string[];
  milestones: DossierMilestone[];
  assignedAt: string;
}

export interface DossierLanding {
  landedOn: string;
  actualInvestmentYuan: number | null;
  evidence: string | null;
}

export interface DossierWithdrawal {
  reason: string;
  occurredAt: string;
}

/**
 * 一企一策, per project: the enterprise's needs and how they were resolved, the landing plan in
 * force with its milestones, and how the project ended. The dossier joins it with project_list.
 */
@Entity({ name: 'project_dossiers' })
export class ProjectDossierRow {
  @PrimaryColumn({ name: 'project_id', type: 'text' })
  projectId: string;

  @Column(textColumn('enterprise_id'))
  enterpriseId: string;

  @Column({ name: 'needs', type: 'jsonb' })
  needs: DossierNeed[];

  @Column({ name: 'plan', type: 'jsonb', nullable: true })
  plan: DossierPlan | null;

  @Column({ name: 'landing', type: 'jsonb', nullable: true })
  landing: DossierLanding | null;

  @Column({ name: 'withdrawal', type: 'jsonb', nullable: true })
  withdrawal: DossierWithdrawal | null;
}
