import { Department, Milestone } from '../api';
import { formatDate, todayInChina } from '../format';
import { useI18n } from '../i18n';
import { departmentName } from '../reference';

type Flags = { done?: boolean; overdue?: boolean; dueSoon?: boolean; dueOn: string };

/** done, overdue (red), due soon (yellow) or in progress; the API's flags win when it sends them. */
export function milestoneState(milestone: Flags): 'done' | 'overdue' | 'dueSoon' | 'open' {
  if (milestone.done) return 'done';
  if (milestone.overdue ?? milestone.dueOn < todayInChina()) return 'overdue';
  if (milestone.dueSoon) return 'dueSoon';
  return 'open';
}

export function MilestoneBadge({ milestone }: { milestone: Flags }) {
  const { t } = useI18n();
  const state = milestoneState(milestone);
  return <span className={`badge milestone-${state}`}>{t(`milestone.${state}`)}</span>;
}

export function MilestoneTable({ milestones, departments }: { milestones: Milestone[]; departments: Department[] }) {
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
          </tr>
        </thead>
        <tbody>
          {milestones.map((milestone) => (
            <tr key={milestone.milestoneId} className={`row-${milestoneState(milestone)}`}>
              <td>{milestone.title}</td>
              <td>{formatDate(milestone.dueOn)}</td>
              <td>{departmentName(departments, milestone.departmentCode)}</td>
              <td>{milestone.owner}</td>
              <td>
                <MilestoneBadge milestone={milestone} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
