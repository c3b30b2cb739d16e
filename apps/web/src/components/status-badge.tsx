import { ProjectStatus } from '../api';
import { useI18n } from '../i18n';

export function StatusBadge({ status }: { status: ProjectStatus }) {
  const { code } = useI18n();
  return <span className={`badge status-${status}`}>{code('status', status)}</span>;
}
