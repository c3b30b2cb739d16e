import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { UserRole } from '@luodi/domain';

/** A person who can log in. `created_by`/`updated_by` null: the service itself (first start). */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  username: string;

  /** `scrypt$N$r$p$salt$hash`, see apps/api/src/auth/password-hasher.ts. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ type: 'text' })
  role: UserRole;

  @Column({ name: 'department_code', type: 'text', nullable: true })
  departmentCode: string | null;

  @Column({ type: 'boolean' })
  disabled: boolean;

  /** Raised by every change that must end the user's sessions; tokens carry the version they were issued at. */
  @Column({ name: 'token_version', type: 'integer' })
  tokenVersion: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @Column({ name: 'password_changed_at', type: 'timestamptz' })
  passwordChangedAt: Date;

  /** Where notifications are e-mailed (LUODI_SMTP_URL); null: not by e-mail. */
  @Column({ type: 'text', nullable: true })
  email: string | null;

  /** When `email` was set: it gets the notifications recorded from then on. */
  @Column({ name: 'email_since', type: 'timestamptz', nullable: true })
  emailSince: Date | null;
}
