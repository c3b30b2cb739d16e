import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A government department that can lead or support a landing plan (工信局, 自然资源局, ...).
 * Reference data the task force maintains, not an event-sourced aggregate: plans store the code,
 * and department users are bound to one code.
 */
@Entity({ name: 'departments' })
export class DepartmentEntity {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  /** The English name the UI shows in English mode; null: show the Chinese one. */
  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
