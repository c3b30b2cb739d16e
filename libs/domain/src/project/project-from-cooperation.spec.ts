import { specFor } from '../kernel/decider.spec-helper';
import { SubmitProject } from './project.commands';
import { projectDecider } from './project.decider';

const spec = specFor(projectDecider);
const NOW = '2024-06-01T04:00:00.000Z';

const submit = (cooperationId?: string): SubmitProject => ({
  type: 'SubmitProject',
  data: {
    projectId: 'project-1',
    enterprise: { id: 'sme-1', name: '青岛微电机有限公司' },
    title: '高效变频压缩机联合研发',
    industryChain: '智能家电',
    investmentYuan: 3_000_000,
    needs: [],
    cooperationId,
  },
  metadata: { now: NOW },
});

// A project made from a signed matchmaking cooperation names it: the link from the project's side.
describe('a project made from a matchmaking cooperation', () => {
  it('names the cooperation in ProjectSubmitted and in its state', () => {
    const [event] = projectDecider.decide(submit('coop-1'), null);
    expect(event).toMatchObject({ type: 'ProjectSubmitted', data: { cooperationId: 'coop-1' } });
    expect(spec.given([event]).state()?.cooperationId).toBe('coop-1');
  });

  it('a project submitted directly names none', () => {
    const [event] = projectDecider.decide(submit(), null);
    expect(event.data).not.toHaveProperty('cooperationId');
    expect(spec.given([event]).state()).not.toHaveProperty('cooperationId');
  });

  it('with a cooperation id that is not text: INVALID_TEXT', () => {
    spec
      .given([])
      .when(submit(7 as never))
      .thenThrows('invalid', 'INVALID_TEXT', 'cooperationId');
  });
});
