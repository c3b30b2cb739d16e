import type { EnterpriseTier } from '@luodi/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn, instantColumn, textColumn } from '../column-types';

/** One row per enterprise: `GET /api/enterprises` and the head of its dossier. */
@Entity({ name: 'enterprise_list' })
export class EnterpriseListRow {
  @PrimaryColumn({ name: 'id', type: 'text' })
  id: string;

  @Column(textColumn('name'))
  name: string;

  @Column(textColumn('credit_code', true))
  creditCode: string | null;

  @Column(textColumn('district', true))
  district: string | null;

  @Column(textColumn('tier'))
  tier: EnterpriseTier;

  @Column(instantColumn('registered_at', false))
  registeredAt: string;

  @Column({ name: 'version', type: 'integer' })
  version: number;

  @Column(bigintColumn('position'))
  position: number;
}
