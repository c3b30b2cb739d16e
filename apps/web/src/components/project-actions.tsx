import { FormEvent, useRef, useState } from 'react';
import {
  api,
  ApiError,
  CommandResult,
  Department,
  EvidenceFile,
  Milestone,
  Need,
  ProjectDetail,
  ProjectStatus,
  Role,
  User,
  Verdict,
  VERDICTS,
} from '../api';
import { todayInChina, wanToYuan } from '../format';
import { MessageKey, useI18n } from '../i18n';
import { localName, useConferences } from '../reference';
import { EvidenceUpload } from './evidence';
import { DepartmentMultiSelect } from './department-multi-select';
import { Field, FieldError, ProblemBanner, useCommand } from './form';
import { NeedFields, SubmissionFields, SubmissionForm, useNeedRows } from './submission-fields';

type Action = 'review' | 'revise' | 'present' | 'assign' | 'progress' | 'land' | 'withdraw' | 'correctLanding';

const MANAGERS: Role[] = ['admin', 'taskforce'];
const REVIEWERS: Role[] = ['admin', 'taskforce', 'reviewer'];

/** What may be done next, by status and role; the API enforces the same rules and has the last word. */
function availableActions(status: ProjectStatus, role: Role): Action[] {
  const manage = MANAGERS.includes(role);
  switch (status) {
    case 'submitted':
      return [
        ...(REVIEWERS.includes(role) ? (['review'] as const) : []),
        ...(manage ? (['revise', 'withdraw'] as const) : []),
      ];
    case 'approved':
      return manage ? ['present', 'withdraw'] : [];
    case 'presented':
      return manage ? ['assign', 'withdraw'] : [];
    case 'assigned':
      if (manage) return ['progress', 'assign', 'land', 'withdraw'];
      return role === 'department' ? ['progress'] : [];
    case 'landed':
      return manage ? ['correctLanding'] : [];
    default:
      return [];
  }
}

interface ActionsProps {
  project: ProjectDetail;
  user: User;
  departments: Department[];
  onDone: () => void;
  onStale: () => void;
  onStart: () => void;
}

export function ProjectActions({ project, user, departments, onDone, onStale, onStart }: ActionsProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Action | null>(null);
  const actions = availableActions(project.status, user.role);
  if (actions.length === 0) return null;

  const label = (action: Action): MessageKey =>
    action === 'assign' && project.plan ? 'action.reassign' : `action.${action}`;
  const done = () => {
    setOpen(null);
    onDone();
  };
  const props = { project, onDone: done, onStale };

  return (
    <section className="panel actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('project.actions')}</h2>
      <div className="button-row">
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            className={open === action ? 'primary' : ''}
            aria-expanded={open === action}
            onClick={() => {
              onStart();
              setOpen(open === action ? null : action);
            }}
          >
            {t(label(action))}
          </button>
        ))}
      </div>
      {open === 'review' ? <ReviewForm {...props} /> : null}
      {open === 'revise' ? <ReviseForm {...props} /> : null}
      {open === 'present' ? <PresentForm {...props} /> : null}
      {open === 'assign' ? <AssignForm {...props} departments={departments} /> : null}
      {open === 'progress' ? (
        <ProgressForm
          projectId={project.id}
          version={project.version}
          milestones={(project.plan?.milestones ?? []).filter(
            // A department reports only on its own milestones (the decider refuses the others).
            (m) => user.role !== 'department' || m.departmentCode === user.departmentCode,
          )}
          onDone={done}
          onStale={onStale}
        />
      ) : null}
      {open === 'land' ? <LandForm {...props} /> : null}
      {open === 'withdraw' ? <WithdrawForm {...props} /> : null}
      {open === 'correctLanding' ? <CorrectLandingForm {...props} /> : null}
    </section>
  );
}

interface FormProps {
  project: ProjectDetail;
  onDone: () => void;
  onStale: () => void;
}

/**
 * A command on this project, conditional on the version the user is looking at. When someone else
 * got there first (412) the project is reloaded and the form stays filled in for another try.
 */
function useProjectCommand(onDone: () => void, onStale: () => void) {
  const command = useCommand();
  const submit = async (send: () => Promise<CommandResult>) => {
    const result = await command.run(async () => {
      try {
        return await send();
      } catch (error) {
        if (error instanceof ApiError && error.problem.status === 412) onStale();
        throw error;
      }
    });
    if (result) onDone();
  };
  return { ...command, submit };
}

/** A number typed into a form; blank or not a number is sent as null, so the API names the field. */
function numberOrNull(text: string): number | null {
  const value = Number(text);
  return text.trim() === '' || Number.isNaN(value) ? null : value;
}

function ReviewForm({ project, onDone, onStale }: FormProps) {
  const { t } = useI18n();
  const { pending, problem, errorAt, submit } = useProjectCommand(onDone, onStale);
  const [verdict, setVerdict] = useState<Verdict>('approved');
  const [scores, setScores] = useState({ idea: '', validation: '', feasibility: '' });
  const [comment, setComment] = useState('');
  const scoreFields: { name: keyof typeof scores; label: MessageKey }[] = [
    { name: 'idea', label: 'form.scoreIdea' },
    { name: 'validation', label: 'form.scoreValidation' },
    { name: 'feasibility', label: 'form.scoreFeasibility' },
  ];
  const send = (event: FormEvent) => {
    event.preventDefault();
    submit(() =>
      api.review(project.id, project.version, {
        verdict,
        scores: {
          idea: numberOrNull(scores.idea),
          validation: numberOrNull(scores.validation),
          feasibility: numberOrNull(scores.feasibility),
        },
        comment: comment.trim() || undefined,
      }),
    );
  };
  return (
    <form className="form" onSubmit={send} noValidate aria-label={t('action.review')}>
      <ProblemBanner
        problem={problem}
        shown={(f) => ['verdict', 'scores.idea', 'scores.validation', 'scores.feasibility', 'comment'].includes(f)}
      />
      <Field label={t('form.verdict')} error={errorAt('verdict')}>
        <select value={verdict} onChange={(e) => setVerdict(e.target.value as Verdict)}>
          {VERDICTS.map((v) => (
            <option key={v} value={v}>
              {t(`verdict.${v}`)}
            </option>
          ))}
        </select>
      </Field>
      <div className="row-3">
        {scoreFields.map(({ name, label }) => (
          <Field key={name} label={t(label)} error={errorAt(`scores.${name}`)}>
            <input
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              step={1}
              value={scores[name]}
              onChange={(e) => setScores({ ...scores, [name]: e.target.value })}
            />
          </Field>
        ))}
      </div>
      <Field label={t('form.comment')} error={errorAt('comment')}>
        <textarea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
      </Field>
      <SubmitButton pending={pending} />
    </form>
  );
}

const REVISE_FIELDS = ['title', 'summary', 'industryChain', 'district', 'investmentYuan', 'needs'];
const REVISED_NEED_FIELDS = /^needs\[\d+\]\.(needId|kind|description)$/;

/** Corrects the submission under review; only the fields changed here are sent. */
function ReviseForm({ project, onDone, onStale }: FormProps) {
  const { t } = useI18n();
  const { pending, problem, errorAt, submit } = useProjectCommand(onDone, onStale);
  const initial: SubmissionForm = {
    title: project.title,
    summary: project.summary ?? '',
    industryChain: project.industryChain,
    district: project.district ?? '',
    investment: String(project.investmentYuan / 10_000),
  };
  const [form, setForm] = useState(initial);
  const needs = useNeedRows(project.needs.map(({ needId, kind, description }) => ({ needId, kind, description })));

  const send = (event: FormEvent) => {
    event.preventDefault();
    const changed = (name: keyof typeof form) => form[name] !== initial[name];
    const sentNeeds = needs.needs.map(({ needId, kind, description }) => ({ needId, kind, description }));
    const needsChanged =
      JSON.stringify(sentNeeds) !==
      JSON.stringify(project.needs.map(({ needId, kind, description }) => ({ needId, kind, description })));
    submit(() =>
      api.reviseSubmission(project.id, project.version, {
        title: changed('title') ? form.title : undefined,
        summary: changed('summary') ? form.summary : undefined,
        industryChain: changed('industryChain') ? form.industryChain : undefined,
        district: changed('district') ? form.district : undefined,
        investmentYuan: changed('investment') ? wanToYuan(form.investment) : undefined,
        needs: needsChanged ? sentNeeds : undefined,
      }),
    );
  };
  return (
    <form className="form" onSubmit={send} noValidate aria-label={t('action.revise')}>
      <ProblemBanner problem={problem} shown={(f) => REVISE_FIELDS.includes(f) || REVISED_NEED_FIELDS.test(f)} />
      <SubmissionFields form={form} onChange={setForm} errorAt={errorAt} district={project.district} />
      <NeedFields rows={needs} errorAt={errorAt} />
      <div className="button-row">
        <button type="button" onClick={needs.add}>
          {t('new.addNeed')}
        </button>
        <SubmitButton pending={pending} />
      </div>
    </form>
  );
}

function PresentForm({ project, onDone, onStale }: FormProps) {
  const { t } = useI18n();
  const conferences = useConferences();
  const { pending, problem, errorAt, submit } = useProjectCommand(onDone, onStale);
  const [conferenceId, setConferenceId] = useState('');
  const send = (event: FormEvent) => {
    event.preventDefault();
    submit(() => api.present(project.id, project.version, { conferenceId }));
  };
  return (
    <form className="form" onSubmit={send} noValidate aria-label={t('action.present')}>
      <ProblemBanner problem={problem} shown={(f) => f === 'conferenceId'} />
      <Field label={t('form.conference')} error={errorAt('conferenceId')}>
        <select value={conferenceId} onChange={(e) => setConferenceId(e.target.value)}>
          <option value="">{t('common.choose')}</option>
          {conferences.map((conference) => (
            <option key={conference.id} value={conference.id}>
              {t('common.noted', { text: conference.title, note: conference.heldOn })}
            </option>
          ))}
        </select>
      </Field>
      <SubmitButton pending={pending} />
    </form>
  );
}

interface MilestoneRow {
  key: number;
  /** A milestone of the plan in force: sent back, so a revised plan keeps it (and its completion). */
  milestoneId?: string;
  title: string;
  dueOn: string;
  departmentCode: string;
  owner: string;
}

const MILESTONE_FIELDS = /^milestones\[\d+\]\.(title|dueOn|departmentCode|owner)$/;

/** 一项目一策: lead and supporting departments and the milestones, each with a due date and owner. */
function AssignForm({ project, departments, onDone, onStale }: FormProps & { departments: Department[] }) {
  const { t } = useI18n();
  const { pending, problem, errorAt, submit } = useProjectCommand(onDone, onStale);
  const nextKey = useRef(0);
  const row = (m?: Partial<MilestoneRow>): MilestoneRow => ({
    title: '',
    dueOn: '',
    departmentCode: '',
    owner: '',
    ...m,
    key: nextKey.current++,
  });
  const [lead, setLead] = useState(project.plan?.leadDepartment ?? '');
  const [supporting, setSupporting] = useState<string[]>(project.plan?.supportingDepartments ?? []);
  const [milestones, setMilestones] = useState<MilestoneRow[]>(() =>
    project.plan?.milestones.length
      ? project.plan.milestones.map(({ milestoneId, title, dueOn, departmentCode, owner }) =>
          row({ milestoneId, title, dueOn, departmentCode, owner }),
        )
      : [row()],
  );

  const change = (key: number, patch: Partial<MilestoneRow>) =>
    setMilestones(milestones.map((m) => (m.key === key ? { ...m, ...patch } : m)));
  // The lead cannot support itself: choosing it as lead takes it off the supporting ones.
  const chooseLead = (code: string) => {
    setLead(code);
    setSupporting(supporting.filter((c) => c !== code));
  };
  const supportingFields = [
    ...new Set((problem?.errors ?? []).map((e) => e.field).filter((f) => f.startsWith('supportingDepartments'))),
  ];

  const send = (event: FormEvent) => {
    event.preventDefault();
    submit(() =>
      api.assign(project.id, project.version, {
        leadDepartment: lead,
        supportingDepartments: supporting,
        milestones: milestones.map(({ milestoneId, title, dueOn, departmentCode, owner }) => ({
          milestoneId,
          title,
          dueOn,
          departmentCode,
          owner,
        })),
      }),
    );
  };

  const departmentOptions = (
    <>
      <option value="">{t('common.choose')}</option>
      {departments.map((d) => (
        <option key={d.code} value={d.code}>
          {localName(d.name, d.nameEn)}
        </option>
      ))}
    </>
  );

  return (
    <form className="form" onSubmit={send} noValidate aria-label={t('action.assign')}>
      <ProblemBanner
        problem={problem}
        shown={(f) =>
          f === 'leadDepartment' ||
          f === 'milestones' ||
          f.startsWith('supportingDepartments') ||
          MILESTONE_FIELDS.test(f)
        }
      />
      <Field label={t('form.leadDepartment')} error={errorAt('leadDepartment')}>
        <select value={lead} onChange={(e) => chooseLead(e.target.value)}>
          {departmentOptions}
        </select>
      </Field>
      <DepartmentMultiSelect
        label={t('form.supportingDepartments')}
        departments={departments}
        value={supporting}
        onChange={setSupporting}
        excluded={lead}
        invalid={supportingFields.length > 0}
      >
        {supportingFields.map((field) => (
          <FieldError key={field} error={errorAt(field)} />
        ))}
      </DepartmentMultiSelect>
      {milestones.map((m, index) => (
        <fieldset key={m.key} className="milestone-row">
          <legend>{t('form.milestoneN', { n: index + 1 })}</legend>
          <Field label={t('milestone.title')} error={errorAt(`milestones[${index}].title`)}>
            <input value={m.title} onChange={(e) => change(m.key, { title: e.target.value })} />
          </Field>
          <Field
            label={t('milestone.dueOn')}
            error={errorAt(`milestones[${index}].dueOn`)}
            // A past date is allowed (a plan entered late), but never silently: it starts overdue.
            hint={m.dueOn && m.dueOn < todayInChina() ? t('form.dueInPast') : undefined}
          >
            <input type="date" value={m.dueOn} onChange={(e) => change(m.key, { dueOn: e.target.value })} />
          </Field>
          <Field label={t('milestone.department')} error={errorAt(`milestones[${index}].departmentCode`)}>
            <select value={m.departmentCode} onChange={(e) => change(m.key, { departmentCode: e.target.value })}>
              {departmentOptions}
            </select>
          </Field>
          <Field label={t('milestone.owner')} error={errorAt(`milestones[${index}].owner`)}>
            <input value={m.owner} onChange={(e) => change(m.key, { owner: e.target.value })} />
          </Field>
          {milestones.length > 1 ? (
            <button
              type="button"
              className="link-button"
              onClick={() => setMilestones(milestones.filter((x) => x.key !== m.key))}
            >
              {t('common.remove')}
            </button>
          ) : null}
        </fieldset>
      ))}
      <FieldError error={errorAt('milestones')} />
      <div className="button-row">
        <button type="button" onClick={() => setMilestones([...milestones, row({ departmentCode: lead })])}>
          {t('form.addMilestone')}
        </button>
        <SubmitButton pending={pending} />
      </div>
    </form>
  );
}

interface ProgressProps {
  projectId: string;
  /** Sent as If-Match when known; the department inbox reports without it. */
  version?: number;
  /** The milestones to choose from, or one fixed milestone. */
  milestones?: Milestone[];
  milestoneId?: string;
  onDone: () => void;
  onStale?: () => void;
}

export function ProgressForm({
  projectId,
  version,
  milestones,
  milestoneId: fixed,
  onDone,
  onStale = () => {},
}: ProgressProps) {
  const { t } = useI18n();
  const { pending, problem, errorAt, submit } = useProjectCommand(onDone, onStale);
  const [milestoneId, setMilestoneId] = useState(fixed ?? '');
  const [note, setNote] = useState('');
  const [done, setDone] = useState(false);
  const [files, setFiles] = useState<EvidenceFile[]>([]);
  const open = (milestones ?? []).filter((m) => !m.done);
  const send = (event: FormEvent) => {
    event.preventDefault();
    submit(() =>
      api.progress(projectId, version, {
        milestoneId: milestoneId || undefined,
        note,
        done: milestoneId ? done : undefined,
        evidenceFileIds: files.length > 0 ? files.map((f) => f.fileId) : undefined,
      }),
    );
  };
  return (
    <form className="form" onSubmit={send} noValidate aria-label={t('action.progress')}>
      <ProblemBanner problem={problem} shown={(f) => ['milestoneId', 'note', 'done'].includes(f)} />
      {fixed ? null : (
        <Field label={t('form.milestone')} error={errorAt('milestoneId')}>
          <select value={milestoneId} onChange={(e) => setMilestoneId(e.target.value)}>
            <option value="">{t('form.noMilestone')}</option>
            {open.map((m) => (
              <option key={m.milestoneId} value={m.milestoneId}>
                {t('common.noted', { text: m.title, note: m.dueOn })}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label={t('form.note')} error={errorAt('note')}>
        <textarea rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <label className="check">
        <input type="checkbox" checked={done} disabled={!milestoneId} onChange={(e) => setDone(e.target.checked)} />{' '}
        {t('form.markDone')}
      </label>
      <FieldError error={errorAt('done')} />
      <EvidenceUpload files={files} onChange={setFiles} />
      <SubmitButton pending={pending} />
    </form>
  );
}

/**
 * Landing. When milestones are not done or needs not resolved the API answers
 * LANDING_HAS_OPEN_ITEMS with the list: a dialog shows it, and confirming sends the landing again
 * with `confirmOpenItems`, which the event records.
 */
function LandForm({ project, onDone, onStale }: FormProps) {
  const { t } = useI18n();
  const { pending, problem, errorAt, submit } = useProjectCommand(onDone, onStale);
  const [landedOn, setLandedOn] = useState(todayInChina());
  const [investment, setInvestment] = useState('');
  const [evidence, setEvidence] = useState('');
  const [files, setFiles] = useState<EvidenceFile[]>([]);
  const [dismissed, setDismissed] = useState(false);
  const land = (confirmOpenItems?: true) => {
    setDismissed(false);
    submit(() =>
      api.land(project.id, project.version, {
        landedOn,
        actualInvestmentYuan: investment.trim() === '' ? undefined : wanToYuan(investment),
        evidence: evidence.trim() || undefined,
        evidenceFileIds: files.length > 0 ? files.map((f) => f.fileId) : undefined,
        confirmOpenItems,
      }),
    );
  };
  const send = (event: FormEvent) => {
    event.preventDefault();
    land();
  };
  const openItems = problem?.code === 'LANDING_HAS_OPEN_ITEMS' && !dismissed ? (problem.openItems ?? []) : null;
  return (
    <form className="form" onSubmit={send} noValidate aria-label={t('action.land')}>
      {openItems ? (
        <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="open-items-title">
          <h3 id="open-items-title">{t('landing.openItemsTitle')}</h3>
          <p>{t('landing.openItemsIntro')}</p>
          <ul aria-label={t('landing.openItemsTitle')}>
            {openItems.map((item) => (
              <li key={`${item.kind}-${item.id}`}>
                {t('common.labelled', { label: t(`openItem.${item.kind}`), value: item.title })}
              </li>
            ))}
          </ul>
          <div className="button-row">
            <button type="button" className="primary" disabled={pending} onClick={() => land(true)}>
              {t('landing.confirmOpenItems')}
            </button>
            <button type="button" onClick={() => setDismissed(true)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <ProblemBanner problem={problem} shown={(f) => ['landedOn', 'actualInvestmentYuan', 'evidence'].includes(f)} />
      )}
      <Field label={t('form.landedOn')} error={errorAt('landedOn')}>
        <input type="date" value={landedOn} max={todayInChina()} onChange={(e) => setLandedOn(e.target.value)} />
      </Field>
      <Field label={t('form.actualInvestment')} error={errorAt('actualInvestmentYuan')} hint={t('common.optional')}>
        <input inputMode="decimal" value={investment} onChange={(e) => setInvestment(e.target.value)} />
      </Field>
      <Field label={t('form.evidence')} error={errorAt('evidence')} hint={t('common.optional')}>
        <textarea rows={3} value={evidence} onChange={(e) => setEvidence(e.target.value)} />
      </Field>
      <EvidenceUpload files={files} onChange={setFiles} />
      <SubmitButton pending={pending} />
    </form>
  );
}

/** 更正落地: the right date, or the landing revoked; recorded as a new event, the old one stays. */
function CorrectLandingForm({ project, onDone, onStale }: FormProps) {
  const { t } = useI18n();
  const { pending, problem, errorAt, submit } = useProjectCommand(onDone, onStale);
  const [revoke, setRevoke] = useState(false);
  const [landedOn, setLandedOn] = useState(project.landedOn ?? todayInChina());
  const [reason, setReason] = useState('');
  const send = (event: FormEvent) => {
    event.preventDefault();
    submit(() =>
      api.correctLanding(project.id, project.version, revoke ? { reason, revoke: true } : { reason, landedOn }),
    );
  };
  return (
    <form className="form" onSubmit={send} noValidate aria-label={t('action.correctLanding')}>
      <ProblemBanner problem={problem} shown={(f) => ['landedOn', 'reason', 'revoke'].includes(f)} />
      <label className="check">
        <input type="radio" name="correction" checked={!revoke} onChange={() => setRevoke(false)} />{' '}
        {t('correction.changeDate')}
      </label>
      <label className="check">
        <input type="radio" name="correction" checked={revoke} onChange={() => setRevoke(true)} />{' '}
        {t('correction.revoke')}
      </label>
      {revoke ? null : (
        <Field label={t('correction.landedOn')} error={errorAt('landedOn')}>
          <input type="date" value={landedOn} max={todayInChina()} onChange={(e) => setLandedOn(e.target.value)} />
        </Field>
      )}
      <Field label={t('correction.reason')} error={errorAt('reason')}>
        <textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <SubmitButton pending={pending} />
    </form>
  );
}

function WithdrawForm({ project, onDone, onStale }: FormProps) {
  const { t } = useI18n();
  const { pending, problem, errorAt, submit } = useProjectCommand(onDone, onStale);
  const [reason, setReason] = useState('');
  const send = (event: FormEvent) => {
    event.preventDefault();
    submit(() => api.withdraw(project.id, project.version, { reason }));
  };
  return (
    <form className="form" onSubmit={send} noValidate aria-label={t('action.withdraw')}>
      <ProblemBanner problem={problem} shown={(f) => f === 'reason'} />
      <Field label={t('form.reason')} error={errorAt('reason')}>
        <textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <SubmitButton pending={pending} />
    </form>
  );
}

const NEED_RESOLVERS: Role[] = ['admin', 'taskforce', 'department'];

/** Whether the user may record how an enterprise's need was met (while the project is open). */
export function canResolveNeeds(status: ProjectStatus, role: Role): boolean {
  return NEED_RESOLVERS.includes(role) && !['rejected', 'landed', 'withdrawn'].includes(status);
}

/** A need met by a department: a button that opens a one-field form. */
export function ResolveNeed({ project, need, onDone, onStale }: FormProps & { need: Need }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const { pending, problem, errorAt, submit } = useProjectCommand(onDone, onStale);
  const [resolution, setResolution] = useState('');
  const [files, setFiles] = useState<EvidenceFile[]>([]);
  if (!open) {
    return (
      <button type="button" className="link-button small" onClick={() => setOpen(true)}>
        {t('project.resolveNeed')}
      </button>
    );
  }
  const send = (event: FormEvent) => {
    event.preventDefault();
    submit(() =>
      api.resolveNeed(project.id, need.needId, project.version, {
        resolution,
        evidenceFileIds: files.length > 0 ? files.map((f) => f.fileId) : undefined,
      }),
    );
  };
  return (
    <form
      className="form"
      onSubmit={send}
      noValidate
      aria-label={t('common.labelled', { label: t('project.resolveNeed'), value: need.description })}
    >
      <ProblemBanner problem={problem} shown={(f) => f === 'resolution'} />
      <Field label={t('form.resolution')} error={errorAt('resolution')}>
        <textarea rows={2} value={resolution} onChange={(e) => setResolution(e.target.value)} />
      </Field>
      <EvidenceUpload files={files} onChange={setFiles} />
      <div className="button-row">
        <SubmitButton pending={pending} />
        <button type="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function SubmitButton({ pending }: { pending: boolean }) {
  const { t } = useI18n();
  return (
    <button type="submit" className="primary" disabled={pending}>
      {t('common.submit')}
    </button>
  );
}
