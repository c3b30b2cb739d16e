import { IssuedNotice, notificationFor, NotificationLookups } from './notification.rules';

const notice: IssuedNotice = {
  noticeId: 'n1',
  departmentCode: 'industry',
  level: 'supervision',
  message: '请反馈进展',
};
const lookups: NotificationLookups = { notice: (id) => (id === 'n1' ? notice : null) };
const issued = (data: Record<string, unknown>) => ({
  type: 'SupervisionNoticeIssued',
  data: { noticeId: 'n1', departmentCode: 'industry', level: 'supervision', message: '请反馈进展', ...data },
});

describe('notificationFor', () => {
  it('tells the lead and the supporting departments of a landing plan', () => {
    const event = {
      type: 'LandingPlanAssigned',
      data: { leadDepartment: 'industry', supportingDepartments: ['resources', 'finance'], milestones: [] },
    };
    expect(notificationFor(event, lookups)).toEqual({
      kind: 'assignment',
      title: '新的落地任务',
      body: '牵头：industry；配合：resources、finance',
      departmentCode: 'industry',
      noticeId: null,
      departments: ['industry', 'resources', 'finance'],
      roles: [],
    });
  });

  it('names the departments of a plan by name where the caller has them', () => {
    const event = { type: 'LandingPlanAssigned', data: { leadDepartment: 'industry', supportingDepartments: ['x'] } };
    const names: Record<string, string> = { industry: '市工业和信息化局' };
    expect(notificationFor(event, { ...lookups, departmentName: (code) => names[code] ?? code })?.body).toBe(
      '牵头：市工业和信息化局；配合：x',
    );
  });

  it('tells the department of a manual notice by its level, and of a scheduler notice by its step', () => {
    expect(notificationFor(issued({ source: 'manual' }), lookups)).toMatchObject({
      kind: 'supervision',
      title: '督办单',
      departments: ['industry'],
      roles: [],
    });
    expect(notificationFor(issued({ source: 'scheduler', step: 'yellow' }), lookups)?.kind).toBe('due-soon');
    expect(notificationFor(issued({ source: 'scheduler', step: 'red' }), lookups)?.kind).toBe('overdue');
    expect(notificationFor(issued({ source: 'scheduler', step: 'escalated' }), lookups)).toMatchObject({
      kind: 'escalated',
      departments: ['industry'],
      roles: ['taskforce', 'leader'],
    });
  });

  it('tells the department, the task force and the leaders of an escalation, and the task force of the answers', () => {
    expect(notificationFor({ type: 'SupervisionNoticeEscalated', data: { noticeId: 'n1' } }, lookups)).toMatchObject({
      kind: 'escalated',
      body: '请反馈进展',
      departments: ['industry'],
      roles: ['taskforce', 'leader'],
    });
    expect(notificationFor({ type: 'SupervisionNoticeAcknowledged', data: { noticeId: 'n1' } }, lookups)).toMatchObject(
      { kind: 'notice-acknowledged', departments: [], roles: ['taskforce'] },
    );
    expect(
      notificationFor(
        { type: 'SupervisionNoticeAnswered', data: { noticeId: 'n1', note: '已办结', late: true } },
        lookups,
      ),
    ).toMatchObject({
      kind: 'notice-answered',
      title: '督办单已反馈（逾期）',
      body: '已办结',
      departmentCode: 'industry',
    });
  });

  it('tells nobody of an unknown notice, an unknown level or step, or another event', () => {
    expect(notificationFor({ type: 'SupervisionNoticeEscalated', data: { noticeId: 'other' } }, lookups)).toBeNull();
    expect(notificationFor(issued({ level: 'gossip', source: 'manual' }), lookups)).toBeNull();
    expect(notificationFor(issued({ source: 'scheduler', step: 'purple', level: 'x' }), lookups)).toBeNull();
    expect(notificationFor({ type: 'ProjectLanded', data: { landedOn: '2025-01-01' } }, lookups)).toBeNull();
  });
});
