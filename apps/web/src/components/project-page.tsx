import { useState } from 'react';
import { api, Department, HistoryEvent, Problem, ProjectDetail, User } from '../api';
import { formatAmount, formatDate, formatDateTime, todayInChina } from '../format';
import { I18n, useI18n } from '../i18n';
import { departmentName, useConferences, useDepartments } from '../reference';
import { href } from '../router';
import { useLoad } from '../use-load';
import { EvidenceList } from './evidence';
import { PrintButton, usePrintStamp } from './file-actions';
import { Notice, Pager, ProblemBanner } from './form';
import { MilestoneTable } from './milestone-table';
import { NeedsList } from './needs-list';
import { canResolveNeeds, ProjectActions, ResolveNeed } from './project-actions';
import { StatusBadge } from './status-badge';
import { ProjectSupervisionPanel } from './supervision';

const TIMELINE_PAGE = 20;

/** One project: its current state, the lifecycle actions the user may take, and its full history. */
export function ProjectPage({ id, user }: { id: string; user: User }) {
  const { t, lang } = useI18n();
  const departments = useDepartments();
  const conferences = useConferences();
  const project = useLoad(() => api.project(id), [id]);
  const history = useLoad(() => api.history(id), [id]);
  const [saved, setSaved] = useState(false);

  const reload = () => {
    project.reload();
    history.reload();
  };
  const done = () => {
    setSaved(true);
    reload();
  };

  // The previous project's data is kept while another loads (or is refused): never show it under this id.
  const p = project.data?.id === id ? project.data : undefined;
  const conference = conferences.find((c) => c.id === p?.conferenceId);
  // The project's state keeps the landing date and amount; the evidence lives in the event.
  const evidence = history.data?.events.findLast((e) => e.type === 'ProjectLanded')?.data.evidence as
    string | undefined;
  usePrintStamp(p ? t('print.project', { title: p.title }) : undefined, todayInChina());
  if (!p) {
    return (
      <div className="page">
        <ProblemBanner problem={project.problem} />
        {project.loading ? (
          <p className="muted">{t('common.loading')}</p>
        ) : (
          <p>
            <button type="button" className="link-button" onClick={() => window.history.back()}>
              ← {t('common.goBack')}
            </button>{' '}
            · <a href={href('/')}>{t('common.home')}</a>
          </p>
        )}
      </div>
    );
  }

  return (
    <div className="page">
      <p>
        <a href={href('/projects')}>← {t('project.back')}</a>
      </p>
      <div className="page-head">
        <h1>
          {p.title} <StatusBadge status={p.status} />
        </h1>
        <p className="muted">
          <a href={href(`/enterprises/${p.enterpriseId}`)}>{p.enterpriseName}</a> ·{' '}
          {t('project.updated', { date: formatDate(p.lastOccurredAt) })}
        </p>
        <PrintButton />
      </div>
      {saved ? <Notice>{t('common.saved')}</Notice> : null}
      <ProblemBanner problem={project.problem} />

      <div className="detail-layout">
        <div>
          <section className="panel">
            <dl className="facts">
              <dt>{t('project.enterprise')}</dt>
              <dd>{p.enterpriseName}</dd>
              <dt>{t('project.industryChain')}</dt>
              <dd>{p.industryChain}</dd>
              <dt>{t('project.district')}</dt>
              <dd>{p.district ?? '—'}</dd>
              <dt>{t('project.investment')}</dt>
              <dd>{formatAmount(p.investmentYuan, lang)}</dd>
              {conference ? (
                <>
                  <dt>{t('project.conference')}</dt>
                  <dd>{t('common.noted', { text: conference.title, note: formatDate(conference.heldOn) })}</dd>
                </>
              ) : null}
            </dl>
            {p.summary ? <p className="summary">{p.summary}</p> : null}
          </section>

          {p.needs.length > 0 ? (
            <section className="panel">
              <h2>{t('project.needs')}</h2>
              <NeedsList
                needs={p.needs}
                action={
                  canResolveNeeds(p.status, user.role)
                    ? (need) => (
                        <ResolveNeed
                          key={`${need.needId}:${p.version}`}
                          project={p}
                          need={need}
                          onDone={done}
                          onStale={reload}
                        />
                      )
                    : undefined
                }
              />
            </section>
          ) : null}

          {p.reviews.length > 0 ? (
            <section className="panel">
              <h2>{t('project.reviews')}</h2>
              <ul className="plain-list">
                {p.reviews.map((review) => (
                  <li key={review.reviewId}>
                    <strong>{t(`verdict.${review.verdict}`)}</strong> · {review.reviewer.username} ·{' '}
                    {formatDate(review.occurredAt)}
                    <div>{t('project.scores', { ...review.scores })}</div>
                    {review.comment ? <div className="muted">{review.comment}</div> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {p.plan ? (
            <section className="panel">
              <h2>{t('project.plan')}</h2>
              <dl className="facts">
                <dt>{t('project.lead')}</dt>
                <dd>{departmentName(departments, p.plan.leadDepartment)}</dd>
                <dt>{t('project.supporting')}</dt>
                <dd>
                  {p.plan.supportingDepartments
                    .map((code) => departmentName(departments, code))
                    .join(t('common.listSeparator')) || '—'}
                </dd>
              </dl>
              <h3>{t('project.milestones')}</h3>
              <MilestoneTable
                milestones={p.plan.milestones}
                departments={departments}
                closed={p.status === 'landed' || p.status === 'withdrawn'}
              />
            </section>
          ) : null}

          {p.status === 'assigned' ? <ProjectSupervisionPanel key={p.version} projectId={p.id} user={user} /> : null}

          {p.landedOn ? (
            <section className="panel">
              <h2>{t('project.landing')}</h2>
              <dl className="facts">
                <dt>{t('form.landedOn')}</dt>
                <dd>{formatDate(p.landedOn)}</dd>
                <dt>{t('project.actualInvestment')}</dt>
                <dd>{formatAmount(p.actualInvestmentYuan, lang)}</dd>
                <dt>{t('form.evidence')}</dt>
                <dd>{evidence ?? '—'}</dd>
              </dl>
            </section>
          ) : null}

          <EvidenceList projectId={p.id} version={p.version} />

          {p.withdrawnReason ? (
            <section className="panel">
              <h2>{t('project.withdrawal')}</h2>
              <p>{p.withdrawnReason}</p>
            </section>
          ) : null}
        </div>

        <div>
          <ProjectActions
            project={p}
            user={user}
            departments={departments}
            onDone={done}
            onStale={reload}
            onStart={() => setSaved(false)}
          />
          <Timeline events={history.data?.events} problem={history.problem} project={p} departments={departments} />
        </div>
      </div>
    </div>
  );
}

function Timeline({
  events,
  problem,
  project,
  departments,
}: {
  events?: HistoryEvent[];
  problem: Problem | null;
  project: ProjectDetail;
  departments: Department[];
}) {
  const i18n = useI18n();
  const { t, code } = i18n;
  const [page, setPage] = useState(1);
  // Newest first: the latest step is what the reader looks for. A milestone completed by a
  // progress report is one step: the report says so, its MilestoneCompleted is not repeated.
  const reportedIds = new Set(
    (events ?? []).filter((e) => e.type === 'ProgressReported').map((e) => String(e.data.progressId)),
  );
  const ordered = [...(events ?? [])]
    .filter((e) => e.type !== 'MilestoneCompleted' || !reportedIds.has(String(e.data.progressId)))
    .reverse();
  const shown = ordered.slice((page - 1) * TIMELINE_PAGE, page * TIMELINE_PAGE);
  return (
    <section className="panel">
      <h2>{t('project.timeline')}</h2>
      <ProblemBanner problem={problem} />
      <ol className="timeline">
        {shown.map((event, index) => (
          <li key={`${event.recordedAt}-${index}`}>
            <div className="timeline-head">
              <strong>{code('event', event.type)}</strong>
              <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
            </div>
            <div className="timeline-body">{describe(event, project, departments, i18n)}</div>
            <div className="muted small">
              {event.actor ? (
                <span title={event.actor.username}>{actorName(event, departments, i18n)}</span>
              ) : (
                t('project.imported')
              )}
              {formatDate(event.recordedAt) !== formatDate(event.occurredAt)
                ? ` · ${t('project.recordedAt', { at: formatDateTime(event.recordedAt) })}`
                : ''}
            </div>
          </li>
        ))}
      </ol>
      {ordered.length > TIMELINE_PAGE ? (
        <Pager page={page} pageSize={TIMELINE_PAGE} total={ordered.length} onPage={setPage} />
      ) : null}
    </section>
  );
}

/**
 * Who did it, as the reader knows them: a department by its name (from the event's metadata, or
 * for events before it carried one, the reporter or resolver the event names), others by role.
 */
function actorName(event: HistoryEvent, departments: Department[], { code }: I18n): string {
  const actor = event.actor!;
  if (actor.role !== 'department') return code('role', actor.role);
  const named = event.data.reporter ?? event.data.resolvedBy;
  const departmentCode =
    actor.departmentCode ?? (named as { departmentCode?: string } | undefined)?.departmentCode ?? undefined;
  return departmentCode ? departmentName(departments, departmentCode) : code('role', actor.role);
}

/** One line saying what an event changed, in the reader's language. */
function describe(
  event: HistoryEvent,
  project: ProjectDetail,
  departments: Department[],
  { t, code, lang }: I18n,
): string {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each case reads its own event type's fields
  const d = event.data as Record<string, any>;
  switch (event.type) {
    case 'ProjectSubmitted':
      return [d.industryChain, d.district, formatAmount(d.investmentYuan, lang)].filter(Boolean).join(' · ');
    case 'ProjectReviewed':
      return `${code('verdict', d.verdict)} · ${t('project.scores', d.scores ?? {})}${d.comment ? ` · ${d.comment}` : ''}`;
    case 'ProjectPresented':
      return d.heldOn
        ? t('common.noted', { text: d.conferenceTitle ?? '', note: formatDate(d.heldOn) })
        : (d.conferenceTitle ?? '');
    case 'LandingPlanAssigned':
    case 'LandingPlanRevised':
      return `${t('common.labelled', { label: t('project.lead'), value: departmentName(departments, d.leadDepartment) })} · ${t('project.milestoneCount', { n: d.milestones?.length ?? 0 })}`;
    case 'ProgressReported': {
      const milestone = project.plan?.milestones.find((m) => m.milestoneId === d.milestoneId)?.title;
      return [milestone, d.done ? t('milestone.done') : '', d.note].filter(Boolean).join(' · ');
    }
    case 'MilestoneCompleted':
      return project.plan?.milestones.find((m) => m.milestoneId === d.milestoneId)?.title ?? '';
    case 'NeedResolved':
      return d.resolution ?? '';
    case 'ProjectLanded':
      return [
        formatDate(d.landedOn),
        d.actualInvestmentYuan !== undefined ? formatAmount(d.actualInvestmentYuan, lang) : '',
        d.evidence,
      ]
        .filter(Boolean)
        .join(' · ');
    case 'ProjectWithdrawn':
      return d.reason ?? '';
    case 'LandingCorrected':
      return `${t('landing.correctedFrom', { from: formatDate(d.previousLandedOn), to: formatDate(d.landedOn) })} · ${d.reason ?? ''}`;
    case 'NeedFollowedUp':
      return [
        project.needs.find((n) => n.needId === d.needId)?.description,
        code('satisfaction', d.satisfaction),
        d.comment,
      ]
        .filter(Boolean)
        .join(' · ');
    case 'NeedReopened':
      return project.needs.find((n) => n.needId === d.needId)?.description ?? '';
    case 'LandingRevoked':
      return `${formatDate(d.previousLandedOn)} · ${d.reason ?? ''}`;
    default:
      return '';
  }
}
