import { Department, Milestone } from '../api';
import { formatDate, todayInChina } from '../format';
import { useI18n } from '../i18n';
import { departmentName } from '../reference';

type Flags = { done?: boolean; overdue?: boolean; dueSoon?: boolean; dueOn: string };

/**
 * done, overdue (red), due soon (yellow) or in progress; the API's flags win when it sends them.
 * Once the project is closed (landed, withdrawn) an unfinished milestone is no longer late.
 */
export function milestoneState(milestone: Flags, closed = false): 'done' | 'overdue' | 'dueSoon' | 'open' | 'notDone' {
  if (milestone.done) return 'done';
  if (closed) return 'notDone';
  if (milestone.overdue ?? milestone.dueOn < todayInChina()) return 'overdue';
  if (milestone.dueSoon) return 'dueSoon';
  return 'open';
}

export function MilestoneBadge({ milestone, closed }: { milestone: Flags; closed?: boolean }) {
  const { t } = useI18n();
  const state = milestoneState(milestone, closed);
  return <span className={`badge milestone-${state}`}>{t(`milestone.${state}`)}</span>;
}

export function MilestoneTable({
  milestones,
  departments,
  closed,
}: {
  milestones: Milestone[];
  departments: Department[];
  closed: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table compact">
        <thead>
          <tr>
            <th scope="col">{t('milestone.title')}</th>
            <th scope="col">{t('milestone.dueOn')}</th>
            <th scope="col">{t('milestone.department')}</th>
            <th scope="col">{t('milestone.owner')}</th>
            <th scope="col">{t('milestone.state')}</th>
            <th scope="col">{t('milestone.doneOn')}</th>
          </tr>
        </thead>
        <tbody>
          {milestones.map((milestone) => (
            <tr key={milestone.milestoneId} className={`row-${milestoneState(milestone, closed)}`}>
              <td>{milestone.title}</td>
              <td>{formatDate(milestone.dueOn)}</td>
              <td>{departmentName(departments, milestone.departmentCode)}</td>
              <td>{milestone.owner}</td>
              <td>
                <MilestoneBadge milestone={milestone} closed={closed} />
              </td>
              <td>{milestone.doneAt ? formatDate(milestone.doneAt) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
