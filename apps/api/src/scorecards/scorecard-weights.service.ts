import { Injectable } from '@nestjs/common';
import { DEFAULT_SCORECARD_WEIGHTS, SCORECARD_COMPONENTS, ScorecardWeights } from '@luodi/forecast';
import { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log.service';
import { CommandContext } from '../common/command-context';
import { ApiError } from '../common/problem';

export interface ScorecardWeightsView {
  weights: ScorecardWeights;
  /** null while the published defaults apply. */
  updatedAt: string | null;
  updatedBy: string | null;
}

/** The composite's weights: the published defaults until an admin sets others. */
@Injectable()
export class ScorecardWeightsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async get(): Promise<ScorecardWeightsView> {
    const [row]: Array<{ weights: ScorecardWeights; updated_at: Date; updated_by: string }> =
      await this.dataSource.query('SELECT weights, updated_at, updated_by FROM scorecard_settings WHERE id = 1');
    if (!row) return { weights: { ...DEFAULT_SCORECARD_WEIGHTS }, updatedAt: null, updatedBy: null };
    return { weights: row.weights, updatedAt: row.updated_at.toISOString(), updatedBy: row.updated_by };
  }

  async put(weights: ScorecardWeights, ctx: CommandContext): Promise<ScorecardWeightsView> {
    const sum = SCORECARD_COMPONENTS.reduce((total, c) => total + weights[c], 0);
    if (sum !== 100) {
      const message = `The weights add up to ${sum}; they must add up to 100.`;
      throw new ApiError('SCORECARD_WEIGHTS_NOT_100', message, [{ field: 'weights', message }]);
    }
    // Only the known components, in their order, whatever else the body object carried.
    const stored = Object.fromEntries(SCORECARD_COMPONENTS.map((c) => [c, weights[c]])) as unknown as ScorecardWeights;
    const previous = await this.get();
    await this.dataSource.transaction(async (db) => {
      await db.query(
        `INSERT INTO scorecard_settings (id, weights, updated_at, updated_by) VALUES (1, $1, now(), $2)
         ON CONFLICT (id) DO UPDATE SET weights = EXCLUDED.weights, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
        [JSON.stringify(stored), ctx.actor.username],
      );
      await this.audit.recordIn(db, {
        action: 'settings.scorecard-weights-changed',
        actor: { username: ctx.actor.username, role: ctx.actor.role },
        target: 'scorecard-weights',
        clientAddress: ctx.clientAddress,
        correlationId: ctx.correlationId,
        details: { from: previous.weights, to: stored },
      });
    });
    return this.get();
  }
}
