import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DepartmentEntity, UserEntity } from '@luodi/platform';
import { AuditEntry, AuditLog } from '../audit/audit-log.service';
import { Actor, Role } from '../auth/actor';
import { hashPassword } from '../auth/password-hasher';
import { ApiError, InvalidInputError } from '../common/problem';
import { passwordWeakness } from './password-policy';

/** A user as the API shows it: never the password hash. */
export interface UserView {
  id: string;
  username: string;
  role: Role;
  departmentCode?: string;
  email: string | null;
  disabled: boolean;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
  passwordChangedAt: string;
}

/** Who changes a user, in which request. No actor: the service itself (the first-start admin). */
export interface ChangeContext {
  actor?: Actor;
  correlationId?: string;
  clientAddress?: string;
}

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  departmentCode?: string;
  /** Where notifications are e-mailed. */
  email?: string;
}

type UserChange =
  'created' | 'role-changed' | 'disabled' | 'enabled' | 'password-reset' | 'password-changed' | 'email-changed';

const UNIQUE_VIOLATION = '23505';
// The auth guard looks the user up on every request; a few seconds of caching spare the database
// while still ending a disabled user's session promptly on other instances.
const CACHE_MS = 5000;

@Injectable()
export class UsersService {
  private readonly logger = new Logger('Users');
  private readonly cache = new Map<string, { user: UserEntity | null; until: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async create(input: NewUser, context: ChangeContext): Promise<UserView> {
    await this.checkDepartment(input.role, input.departmentCode);
    checkPolicy(input.password, input.username, 'password');
    const now = new Date();
    const user: UserEntity = {
      id: randomUUID(),
      username: input.username,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      departmentCode: input.departmentCode ?? null,
      disabled: false,
      tokenVersion: 1,
      createdAt: now,
      createdBy: context.actor?.userId ?? null,
      updatedAt: now,
      updatedBy: context.actor?.userId ?? null,
      passwordChangedAt: now,
      email: input.email ?? null,
      emailSince: input.email ? now : null,
    };
    try {
      await this.dataSource.transaction(async (db) => {
        await db.insert(UserEntity, user);
        await this.recordChange(db, user.id, 'created', context);
        await this.audit.recordIn(
          db,
          userAudit('created', user, context, { role: user.role, departmentCode: user.departmentCode }),
        );
      });
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) {
        throw new ApiError('USERNAME_TAKEN', `The username "${input.username}" is taken.`);
      }
      throw error;
    }
    this.logChange(
      user,
      'created',
      context,
      `role ${user.role}${user.departmentCode ? `, department ${user.departmentCode}` : ''}`,
    );
    return toView(user);
  }

  /**
   * Creates `admin` with the given password if there are no users at all. Safe when instances
   * start together: the unique username lets exactly one insert win. True if this call created it.
   */
  async createFirstAdmin(password: string): Promise<boolean> {
    if (await this.dataSource.getRepository(UserEntity).exists()) return false;
    const id = randomUUID();
    const passwordHash = await hashPassword(password);
    return this.dataSource.transaction(async (db) => {
      const inserted: unknown[] = await db.query(
        `INSERT INTO users (id, username, password_hash, role) SELECT $1, 'admin', $2, 'admin'
         WHERE NOT EXISTS (SELECT 1 FROM users) ON CONFLICT DO NOTHING RETURNING id`,
        [id, passwordHash],
      );
      if (inserted.length === 0) return false;
      await this.recordChange(db, id, 'created', {});
      await this.audit.recordIn(
        db,
        userAudit('created', { username: 'admin' }, {}, { role: 'admin', departmentCode: null, firstStart: true }),
      );
      return true;
    });
  }

  async list(): Promise<UserView[]> {
    const users = await this.dataSource.getRepository(UserEntity).find({ order: { username: 'ASC' } });
    return users.map(toView);
  }

  async findByUsername(username: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.username) = lower(:username)', { username })
      .getOne();
  }

  /** The user behind a token, cached for a few seconds; this instance's own changes show at once. */
  async findForAuthentication(id: string): Promise<UserEntity | null> {
    const cached = this.cache.get(id);
    if (cached && cached.until > Date.now()) return cached.user;
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(id, { user, until: Date.now() + CACHE_MS });
    return user;
  }

  disable(id: string, context: ChangeContext): Promise<UserView> {
    if (context.actor?.userId === id) {
      throw new ApiError('CANNOT_DISABLE_SELF', 'You cannot disable your own account.');
    }
    return this.update(id, 'disabled', { disabled: true }, context);
  }

  enable(id: string, context: ChangeContext): Promise<UserView> {
    return this.update(id, 'enabled', { disabled: false }, context);
  }

  /** Gives the user another role (and department); the user's existing tokens stop working. */
  async changeRole(
    id: string,
    role: Role,
    departmentCode: string | undefined,
    context: ChangeContext,
  ): Promise<UserView> {
    if (context.actor?.userId === id) {
      throw new ApiError('CANNOT_CHANGE_OWN_ROLE', 'You cannot change your own role.');
    }
    await this.checkDepartment(role, departmentCode);
    const before = await this.getById(id);
    const from = { role: before.role, departmentCode: before.departmentCode };
    return this.update(id, 'role-changed', { role, departmentCode: departmentCode ?? null }, context, {
      from,
      to: { role, departmentCode: departmentCode ?? null },
    });
  }

  /** Sets a new password; every token issued before stops working. */
  async setPassword(
    id: string,
    password: string,
    change: 'password-reset' | 'password-changed',
    context: ChangeContext,
  ): Promise<UserView> {
    const user = await this.getById(id);
    checkPolicy(password, user.username, change === 'password-reset' ? 'password' : 'newPassword');
    return this.update(
      id,
      change,
      { passwordHash: await hashPassword(password), passwordChangedAt: new Date() },
      context,
    );
  }

  /**
   * Sets (or, with null, removes) where the user's notifications are e-mailed. A new address gets
   * the notifications recorded from now on. The user's sessions go on: nothing about access changed.
   */
  async setEmail(id: string, email: string | null, context: ChangeContext): Promise<UserView> {
    const user = await this.dataSource.transaction(async (db) => {
      const [rows]: [Array<{ id: string }>, number] = await db.query(
        `UPDATE users SET email_since = CASE WHEN email IS DISTINCT FROM $2 THEN (CASE WHEN $2::text IS NULL THEN NULL ELSE now() END) ELSE email_since END,
                          email = $2, updated_at = now(), updated_by = $3
          WHERE id = $1 RETURNING id`,
        [id, email, context.actor?.userId ?? null],
      );
      if (rows.length === 0) throw new ApiError('USER_NOT_FOUND', `No user with id ${id}.`);
      await this.recordChange(db, id, 'email-changed', context);
      const changed = await db.findOneByOrFail(UserEntity, { id });
      await this.audit.recordIn(db, userAudit('email-changed', changed, context));
      return changed;
    });
    this.cache.delete(id);
    this.logChange(user, 'email-changed', context);
    return toView(user);
  }

  async getById(id: string): Promise<UserEntity> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw new ApiError('USER_NOT_FOUND', `No user with id ${id}.`);
    return user;
  }

  // Every change raises the token version, so tokens issued before a disable, enable or new
  // password never work again.
  private async update(
    id: string,
    change: UserChange,
    fields: Partial<UserEntity>,
    context: ChangeContext,
    details?: Record<string, unknown>,
  ): Promise<UserView> {
    const user = await this.dataSource.transaction(async (db) => {
      const result = await db
        .createQueryBuilder()
        .update(UserEntity)
        .set({
          ...fields,
          tokenVersion: () => 'token_version + 1',
          updatedAt: () => 'now()',
          updatedBy: context.actor?.userId ?? null,
        })
        .where('id = :id', { id })
        .execute();
      if (!result.affected) throw new ApiError('USER_NOT_FOUND', `No user with id ${id}.`);
      await this.recordChange(db, id, change, context);
      const changed = await db.findOneByOrFail(UserEntity, { id });
      await this.audit.recordIn(db, userAudit(change, changed, context, details));
      return changed;
    });
    this.cache.delete(id);
    this.logChange(user, change, context);
    return toView(user);
  }

  private async checkDepartment(role: Role, departmentCode: string | undefined): Promise<void> {
    if (role !== 'department') {
      if (departmentCode !== undefined)
        throw new InvalidInputError([
          { field: 'departmentCode', message: 'departmentCode is only for role department' },
        ]);
      return;
    }
    if (departmentCode === undefined)
      throw new InvalidInputError([
        { field: 'departmentCode', message: 'departmentCode is required for role department' },
      ]);
    if (!(await this.dataSource.getRepository(DepartmentEntity).existsBy({ code: departmentCode }))) {
      throw new InvalidInputError([
        { field: 'departmentCode', message: `there is no department with the code "${departmentCode}"` },
      ]);
    }
  }

  private async recordChange(
    db: EntityManager,
    userId: string,
    change: UserChange,
    context: ChangeContext,
  ): Promise<void> {
    await db.query('INSERT INTO user_changes (user_id, change, changed_by, correlation_id) VALUES ($1, $2, $3, $4)', [
      userId,
      change,
      context.actor?.userId ?? null,
      context.correlationId ?? null,
    ]);
  }

  private logChange(user: UserEntity, change: UserChange, context: ChangeContext, details?: string): void {
    const by = context.actor ? `${context.actor.username} (${context.actor.userId})` : 'the service';
    this.logger.log(
      `User ${user.username} (${user.id}) ${change} by ${by}${details ? `: ${details}` : ''} [correlationId ${context.correlationId ?? '-'}]`,
    );
  }
}

/** The audit entry of a change to a user: the admin (or the user, for their own password) as actor. */
function userAudit(
  change: UserChange,
  user: { username: string },
  context: ChangeContext,
  details?: Record<string, unknown>,
): AuditEntry {
  return {
    action: `user.${change}`,
    actor: context.actor,
    target: user.username,
    clientAddress: context.clientAddress,
    correlationId: context.correlationId,
    details,
  };
}

// The DTOs check the policy too, but only here is the username of a reset or change known; and
// users created in code (the demo) obey it as well.
function checkPolicy(password: string, username: string, field: string): void {
  const weakness = passwordWeakness(password, username);
  if (weakness)
    throw new InvalidInputError([
      { field, constraint: weakness.constraint, message: weakness.message.replace('$property', field) },
    ]);
}

function toView(user: UserEntity): UserView {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    ...(user.departmentCode ? { departmentCode: user.departmentCode } : {}),
    email: user.email,
    disabled: user.disabled,
    createdAt: user.createdAt.toISOString(),
    createdBy: user.createdBy,
    updatedAt: user.updatedAt.toISOString(),
    updatedBy: user.updatedBy,
    passwordChangedAt: user.passwordChangedAt.toISOString(),
  };
}
