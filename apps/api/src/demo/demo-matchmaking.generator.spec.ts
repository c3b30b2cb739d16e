import { businessDate, COOPERATION_STAGES } from '@luodi/domain';
import { generateMatchmakingPlan } from './demo-matchmaking.generator';

const TODAY = new Date('2026-11-22T12:00:00Z'); // 20:00 in Qingdao
const plan = generateMatchmakingPlan({ seed: 7, today: TODAY });
const count = (key: string) => plan.cooperations.filter((c) => c.stages.some((s) => s.stage === key)).length;

describe('generateMatchmakingPlan', () => {
  it('is deterministic for a seed and a day', () => {
    expect(generateMatchmakingPlan({ seed: 7, today: TODAY })).toEqual(plan);
  });

  it('holds a 恳谈会 of 10 state-owned enterprises and 12 SMEs', () => {
    const meeting = plan.demands.filter((d) => d.eventKey === 'soe-meeting');
    expect(new Set(meeting.map((d) => d.publisherKey)).size).toBe(10);
    const demandKeys = new Set(meeting.map((d) => d.key));
    expect(new Set(plan.cooperations.filter((c) => demandKeys.has(c.demandKey)).map((c) => c.enterpriseKey)).size).toBe(
      12,
    );
  });

  it('holds a 百场万企 meeting with Haier’s 63 demands in 9 categories', () => {
    const haier = plan.demands.filter((d) => d.eventKey === 'baichang-haier');
    expect(haier).toHaveLength(63);
    expect(new Set(haier.map((d) => d.publisherKey))).toEqual(new Set(['haier']));
    expect(new Set(haier.map((d) => d.body.category)).size).toBe(9);
  });

  it('follows the proposals down a narrowing funnel', () => {
    const proposals = plan.cooperations.length;
    expect(proposals).toBeGreaterThan(80);
    const [negotiating, trial, signed, delivering] = ['negotiating', 'trial', 'signed', 'delivering'].map(count);
    expect(negotiating).toBeLessThan(proposals);
    expect(trial).toBeLessThan(negotiating);
    expect(signed).toBeGreaterThanOrEqual(5);
    expect(delivering).toBeLessThan(signed);
    expect(count('dropped')).toBeGreaterThanOrEqual(5);
    expect(plan.cooperations.some((c) => c.project)).toBe(true);
  });

  it('keeps the stage rules: forward only, nothing after dropped, delivering after signed, amounts only when signed', () => {
    for (const { stages } of plan.cooperations) {
      const ranks = stages.map((s) => COOPERATION_STAGES.indexOf(s.stage));
      expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
      const dropped = stages.findIndex((s) => s.stage === 'dropped');
      if (dropped >= 0) expect(dropped).toBe(stages.length - 1);
      for (const s of stages) expect(s.amountYuan !== undefined).toBe(s.stage === 'signed');
      if (stages.some((s) => s.stage === 'delivering')) expect(stages.some((s) => s.stage === 'signed')).toBe(true);
    }
  });

  it('dates nothing on or after its day, proposals not before their demand and stages in order', () => {
    const today = businessDate(TODAY.toISOString());
    const publishedAt = new Map(plan.demands.map((d) => [d.key, Date.parse(d.body.occurredAt)]));
    for (const c of plan.cooperations) {
      const times = [c.body.occurredAt, ...c.stages.map((s) => s.occurredAt)].map(Date.parse);
      expect(times[0]).toBeGreaterThanOrEqual(publishedAt.get(c.demandKey)!);
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      for (const t of times) expect(businessDate(new Date(t).toISOString()) < today).toBe(true);
    }
    for (const change of plan.tierChanges) expect(change.body.since < today).toBe(true);
  });
});
