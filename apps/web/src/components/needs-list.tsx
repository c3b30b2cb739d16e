import { ReactNode } from 'react';
import { Need } from '../api';
import { useI18n } from '../i18n';

/** An enterprise's needs and whether (and how) each was resolved. */
export function NeedsList({ needs, action }: { needs: Need[]; action?: (need: Need) => ReactNode }) {
  const { t } = useI18n();
  if (needs.length === 0) return <p className="muted">{t('common.none')}</p>;
  return (
    <ul className="plain-list">
      {needs.map((need) => (
        <li key={need.needId}>
          <span className="tag">{t(`need.${need.kind}`)}</span> {need.description}
          <div className={need.resolved ? 'ok-text' : 'muted'}>
            {need.resolved ? t('project.needResolved', { resolution: need.resolution ?? '' }) : t('project.needOpen')}
          </div>
          {!need.resolved && action ? action(need) : null}
        </li>
      ))}
    </ul>
  );
}
