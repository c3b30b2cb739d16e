import {
  landingCorrections,
  lifeAt,
  lifeUpTo,
  projectLife,
  PROJECT_ID,
  recorded,
  PROJECT_STREAM,
} from '../testing/projection-events';
import { projectionSpecFor } from '../testing/projection.spec-helper';
import { projectDossier } from './project-dossier.projection';

const spec = projectionSpecFor(projectDossier);

describe('project dossier projection', () => {
  it('starts with the open needs and no plan', () => {
    spec
      .given([])
      .when(lifeUpTo(1)[0])
      .then([
        {
          projectId: PROJECT_ID,
          enterpriseId: expect.any(String),
          needs: [
            {
              needId: 'n-land',
              kind: 'land',
              description: '50 亩用地',
              resolved: false,
              resolution: null,
              resolvedAt: null,
            },
            {
              needId: 'n-talent',
              kind: 'talent',
              description: '海洋工程师',
              resolved: false,
              resolution: null,
              resolvedAt: null,
            },
          ],
          plan: null,
          landing: null,
          withdrawal: null,
        },
      ]);
  });

  it('records resolutions, the plan in force with done milestones, and the landing', () => {
    const [history, landed] = lifeAt(projectLife.length);
    spec
      .given(history)
      .when(landed)
      .thenMatches([
        {
          needs: [
            {
              needId: 'n-land',
              kind: 'land',
              description: '50 亩用地',
              resolved: true,
              resolution: '已列入供地计划',
              resolvedAt: '2024-05-10T02:00:00.000Z',
            },
            { needId: 'n-talent', resolved: false },
          ],
          plan: {
            planId: 'plan-2',
            revision: 2,
            leadDepartment: 'commerce',
            supportingDepartments: ['industry', 'natural-resources'],
            assignedAt: '2024-06-01T02:00:00.000Z',
            milestones: [
              // Kept by the revision, so still done.
              {
                milestoneId: 'm-land',
                title: '用地预审',
                dueOn: '2024-05-31',
                departmentCode: 'natural-resources',
                owner: '王工',
                done: true,
                doneAt: '2024-05-20T02:00:00.000Z',
              },
              {
                milestoneId: 'm-sign',
                title: '签约',
                dueOn: '2024-06-25',
                departmentCode: 'commerce',
                owner: '赵科',
                done: false,
                doneAt: null,
              },
            ],
          },
          landing: { landedOn: '2024-06-30', actualInvestmentYuan: 350_000_000, evidence: '合同' },
        },
      ]);
  });

  it('keeps the resolution of a need a revised submission keeps, and opens new ones', () => {
    const resolved = [
      ...lifeUpTo(1),
      ...recorded(PROJECT_STREAM, [projectLife[5]]).map((e) => ({ ...e, streamPosition: 2 })),
    ];
    const [revised] = recorded(PROJECT_STREAM, [
      {
        type: 'SubmissionRevised',
        data: {
          needs: [
            { needId: 'n-land', kind: 'land', description: '60 亩用地' },
            { needId: 'n-money', kind: 'financing', description: '贷款' },
          ],
          occurredAt: '2024-05-11T00:00:00.000Z',
        },
      },
    ]);
    spec
      .given(resolved)
      .when(revised)
      .thenMatches([
        {
          needs: [
            {
              needId: 'n-land',
              kind: 'land',
              description: '60 亩用地',
              resolved: true,
              resolution: '已列入供地计划',
              resolvedAt: '2024-05-10T02:00:00.000Z',
            },
            {
              needId: 'n-money',
              kind: 'financing',
              description: '贷款',
              resolved: false,
              resolution: null,
              resolvedAt: null,
            },
          ],
        },
      ]);
  });

  it('follows a landing correction; a revocation removes the landing', () => {
    const all = recorded(PROJECT_STREAM, [...projectLife, ...landingCorrections], 101);
    const life = all.slice(0, projectLife.length);
    const [corrected, revoked] = all.slice(projectLife.length);
    spec
      .given(life)
      .when(corrected)
      .thenMatches([{ landing: { landedOn: '2024-06-20', actualInvestmentYuan: 350_000_000, evidence: '合同' } }]);
    spec
      .given([...life, corrected])
      .when(revoked)
      .thenMatches([{ landing: null }]);
  });

  it('reopens a need sent back after an unsatisfied follow-up (退回重办)', () => {
    const life = lifeUpTo(projectLife.length);
    const resolvedNeed = life.find((e) => e.type === 'NeedResolved')!.data as { needId: string };
    const [reopened] = recorded(
      PROJECT_STREAM,
      [
        {
          type: 'NeedReopened',
          data: { needId: resolvedNeed.needId, followUpId: 'f-1', occurredAt: '2024-07-01T02:00:00.000Z' },
        },
      ],
      300,
    );
    spec
      .given(life)
      .when(reopened)
      .thenMatches([
        {
          needs: expect.arrayContaining([
            expect.objectContaining({ needId: resolvedNeed.needId, resolved: false, resolution: null }),
          ]),
        },
      ]);
  });

  it('records a withdrawal with its reason', () => {
    const [withdrawn] = recorded(PROJECT_STREAM, [
      { type: 'ProjectWithdrawn', data: { reason: '资金不足', occurredAt: '2024-03-03T00:00:00.000Z' } },
    ]);
    spec
      .given(lifeUpTo(1))
      .when(withdrawn)
      .thenMatches([{ withdrawal: { reason: '资金不足', occurredAt: '2024-03-03T00:00:00.000Z' } }]);
  });
});
