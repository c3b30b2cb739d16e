import { addDays, DEFAULT_SUPERVISION_SETTINGS, LadderNotice, ladderStepDays, warningLadder } from './warning-ladder';

const settings = DEFAULT_SUPERVISION_SETTINGS; // dueSoonDays 7, escalateAfterDays 14
const dueOn = '2024-06-30';
const on = (days: number) => addDays(dueOn, days);
const supervision = (issued: number, respondBy: number, answered: number | null): LadderNotice => ({
  level: 'supervision',
  issuedOn: on(issued),
  respondBy: on(respondBy),
  answeredOn: answered === null ? null : on(answered),
});

describe('warningLadder', () => {
  it.each([
    [-30, 'green', 0],
    [-8, 'green', 0],
    [-7, 'yellow', 0],
    [0, 'yellow', 0],
    [1, 'red', 1],
    [14, 'red', 14],
    [15, 'escalated', 15],
    [100, 'escalated', 100],
  ])('%i days from the due date: %s, %i days overdue', (days, colour, daysOverdue) => {
    expect(warningLadder(dueOn, on(days), settings, [])).toEqual({ colour, daysOverdue });
  });

  it('follows the settings: dueSoonDays 0 is yellow on the due day only, escalateAfterDays 0 escalates the day after', () => {
    const tight = { ...settings, dueSoonDays: 0, escalateAfterDays: 0 };
    expect(warningLadder(dueOn, on(-1), tight, []).colour).toBe('green');
    expect(warningLadder(dueOn, on(0), tight, []).colour).toBe('yellow');
    expect(warningLadder(dueOn, on(1), tight, []).colour).toBe('escalated');
  });

  it('an unanswered 督办单 escalates from the day after its respondBy, until the day it is answered', () => {
    const notice = supervision(-20, -10, -5); // answered two days inside the yellow window
    expect(warningLadder(dueOn, on(-10), settings, [notice]).colour).toBe('green');
    expect(warningLadder(dueOn, on(-9), settings, [notice]).colour).toBe('escalated');
    expect(warningLadder(dueOn, on(-6), settings, [notice]).colour).toBe('escalated');
    expect(warningLadder(dueOn, on(-5), settings, [notice]).colour).toBe('yellow');
  });

  it('a 督办单 counts only from the day it was issued, and a 催办单 never escalates', () => {
    const later = supervision(3, 5, null);
    expect(warningLadder(dueOn, on(2), settings, [later]).colour).toBe('red');
    const reminder: LadderNotice = { ...supervision(-20, -10, null), level: 'reminder' };
    expect(warningLadder(dueOn, on(-5), settings, [reminder]).colour).toBe('yellow');
  });
});

describe('ladderStepDays', () => {
  it('names the first day of each step', () => {
    expect(ladderStepDays(dueOn, settings, [])).toEqual({ yellow: on(-7), red: on(1), escalated: on(15) });
  });

  it('an unanswered 督办单 brings escalation forward; one answered by its respondBy does not', () => {
    expect(ladderStepDays(dueOn, settings, [supervision(0, 3, null)]).escalated).toBe(on(4));
    expect(ladderStepDays(dueOn, settings, [supervision(0, 3, 3)]).escalated).toBe(on(15));
    expect(ladderStepDays(dueOn, settings, [supervision(0, 3, 6)]).escalated).toBe(on(4));
  });
});
