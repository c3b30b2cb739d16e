import type { NotificationKind, NotifiedRole } from '@luodi/domain';
import { Column, Entity, PrimaryColumn, ValueTransformer } from 'typeorm';
import { bigintColumn, instantColumn, textColumn } from '../column-types';

/**
 * One row per notification (an event that tells someone something), keyed by the event's global
 * position. Who is told is kept as departments and roles, not users: users are not event-sourced,
 * so a row naming users would differ after a rebuild; the query gives each user the rows of their
 * department or role. Whether a user has read one is the user's own act, kept in
 * `notification_reads` (not a read model: a rebuild leaves it alone).
 */
@Entity({ name: 'notifications' })
export class NotificationRow {
  @PrimaryColumn({
    name: 'position',
    type: 'bigint',
    transformer: bigintColumn('position').transformer as ValueTransformer,
  })
  position: number;

  @Column(textColumn('kind'))
  kind: NotificationKind;

  @Column(textColumn('title'))
  title: string;

  @Column(textColumn('body'))
  body: string;

  /** The project it is about (the link). */
  @Column(textColumn('project_id'))
  projectId: string;

  @Column(textColumn('department_code', true))
  departmentCode: string | null;

  @Column(textColumn('notice_id', true))
  noticeId: string | null;

  @Column({ name: 'departments', type: 'text', array: true })
  departments: string[];

  @Column({ name: 'roles', type: 'text', array: true })
  roles: NotifiedRole[];

  /** When it was recorded (record time): a notification is news when it is stored. */
  @Column(instantColumn('created_at', false))
  createdAt: string;
}

/** One row per supervision notice as issued: what its later events need to tell the right people. */
@Entity({ name: 'notification_notices' })
export class NotificationNoticeRow {
  @PrimaryColumn({ name: 'notice_id', type: 'text' })
  noticeId: string;

  @Column(textColumn('department_code'))
  departmentCode: string;

  @Column(textColumn('level'))
  level: string;

  @Column(textColumn('message'))
  message: string;
}
