import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { dateColumn, instantColumn, textColumn } from '../column-types';

/**
 * One row per supervision notice (催办单, 督办单): `GET /api/supervision-notices`, the ladder's
 * notices per item on the inbox, and the notice id → project id lookup of the sign/answer routes.
 */
@Entity({ name: 'supervision_notices' })
@Index('supervision_notices_department_idx', ['departmentCode', 'respondBy'])
@Index('supervision_notices_project_idx', ['projectId'])
export class SupervisionNoticeRow {
  @PrimaryColumn({ name: 'notice_id', type: 'text' })
  noticeId: string;

  @Column(textColumn('project_id'))
  projectId: string;

  @Column(textColumn('milestone_id', true))
  milestoneId: string | null;

  @Column(textColumn('need_id', true))
  needId: string | null;

  @Column(textColumn('department_code'))
  departmentCode: string;

  @Column(textColumn('level'))
  level: 'reminder' | 'supervision';

  @Column(textColumn('message'))
  message: string;

  @Column(dateColumn('respond_by', false))
  respondBy: string;

  @Column(textColumn('source'))
  source: 'manual' | 'scheduler';

  @Column(textColumn('step', true))
  step: 'yellow' | 'red' | 'escalated' | null;

  @Column(instantColumn('issued_at', false))
  issuedAt: string;

  @Column(instantColumn('acknowledged_at'))
  acknowledgedAt: string | null;

  @Column(instantColumn('answered_at'))
  answeredAt: string | null;

  @Column(textColumn('note', true))
  note: string | null;

  @Column({ name: 'late', type: 'boolean' })
  late: boolean;

  @Column(instantColumn('escalated_at'))
  escalatedAt: string | null;
}
