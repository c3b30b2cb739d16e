import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * An industry chain (产业链) projects are filed under. Reference data the admin maintains, like
 * the departments: projects store the Chinese name, which is the key and never changes.
 */
@Entity({ name: 'industry_chains' })
export class IndustryChainEntity {
  @PrimaryColumn({ type: 'text' })
  name: string;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
