import { specFor } from '../kernel/decider.spec-helper';
import { supervisionSettingsDecider } from './supervision-settings.decider';

const spec = specFor(supervisionSettingsDecider);
const now = '2024-06-01T04:00:00.000Z';
const change = (data: object) =>
  ({
    type: 'ChangeSupervisionSettings',
    data: { dueSoonDays: 5, escalateAfterDays: 10, responseDays: 3, ...data },
    metadata: { now },
  }) as const;

describe('supervision settings', () => {
  it('start at the defaults and record a change', () => {
    expect(spec.given([]).state()).toEqual({ dueSoonDays: 7, escalateAfterDays: 14, responseDays: 5 });
    spec
      .given([])
      .when(change({}))
      .then([
        {
          type: 'SupervisionSettingsChanged',
          data: { dueSoonDays: 5, escalateAfterDays: 10, responseDays: 3, occurredAt: now },
        },
      ]);
  });

  it('record nothing when nothing changes', () => {
    spec
      .given([])
      .when(change({ dueSoonDays: 7, escalateAfterDays: 14, responseDays: 5 }))
      .then([]);
  });

  it.each([
    ['dueSoonDays', -1],
    ['dueSoonDays', 91],
    ['escalateAfterDays', 1.5],
    ['responseDays', 0],
  ])('refuse %s = %p', (field, value) => {
    spec
      .given([])
      .when(change({ [field]: value }))
      .thenThrows('invalid', 'INVALID_SUPERVISION_SETTING', field);
  });
});
