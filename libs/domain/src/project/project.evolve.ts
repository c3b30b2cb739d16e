import { LandingPlan, Need, ProjectEvent } from './project.events';
import { Project, ProjectNeed, ProjectPlan, ProjectReview, ProjectState } from './project.state';
import { evolveSupervision } from './project.supervision';

export function evolveProject(state: ProjectState, event: ProjectEvent): ProjectState {
  if (event.type === 'ProjectSubmitted') {
    const { data } = event;
    return {
      id: data.projectId,
      status: 'submitted',
      enterpriseId: data.enterpriseId,
      enterpriseName: data.enterpriseName,
      title: data.title,
      summary: data.summary ?? null,
      industryChain: data.industryChain,
      district: data.district ?? null,
      investmentYuan: data.investmentYuan,
      needs: data.needs.map(openNeed),
      reviews: [],
      submittedAt: data.occurredAt,
      enteredLibraryAt: null,
      conferenceId: null,
      presentedAt: null,
      plan: null,
      landedOn: null,
      landedAfter: null,
      actualInvestmentYuan: null,
      withdrawnReason: null,
      ...(data.cooperationId !== undefined && { cooperationId: data.cooperationId }),
      lastOccurredAt: data.occurredAt,
    };
  }
  // A stored stream always starts with ProjectSubmitted; anything else means it is corrupt.
  if (state === null)
    throw new Error(`${event.type} cannot apply to a project stream that has no ProjectSubmitted event.`);
  const project: Project = { ...state, lastOccurredAt: event.data.occurredAt };

  switch (event.type) {
    case 'ProjectReviewed': {
      const { data } = event;
      const review: ProjectReview = {
        reviewId: data.reviewId,
        reviewer: data.reviewer,
        verdict: data.verdict,
        scores: data.scores,
        comment: data.comment ?? null,
        occurredAt: data.occurredAt,
      };
      const reviews = [...project.reviews, review];
      if (data.verdict === 'approved')
        return { ...project, reviews, status: 'approved', enteredLibraryAt: data.occurredAt };
      if (data.verdict === 'rejected') return { ...project, reviews, status: 'rejected' };
      return { ...project, reviews };
    }
    case 'SubmissionRevised': {
      const { needs, occurredAt, ...changes } = event.data;
      return { ...project, ...changes, needs: needs ? revisedNeeds(project.needs, needs) : project.needs };
    }
    case 'ProjectPresented':
      return {
        ...project,
        status: 'presented',
        conferenceId: event.data.conferenceId,
        presentedAt: event.data.occurredAt,
      };
    case 'LandingPlanAssigned':
      return {
        ...project,
        status: 'assigned',
        plan: planFrom(event.data, 1, event.data.occurredAt, null),
        firstPlannedAt: event.data.occurredAt,
      };
    case 'LandingPlanRevised':
      return { ...project, plan: planFrom(event.data, event.data.revision, event.data.occurredAt, project.plan) };
    case 'ProgressReported':
      return project;
    case 'MilestoneCompleted': {
      const { milestoneId, occurredAt } = event.data;
      const plan = project.plan && {
        ...project.plan,
        milestones: project.plan.milestones.map((m) =>
          m.milestoneId === milestoneId ? { ...m, done: true, doneAt: occurredAt } : m,
        ),
      };
      return { ...project, plan };
    }
    case 'NeedResolved': {
      const { needId, resolution, occurredAt } = event.data;
      const needs = project.needs.map((n) =>
        n.needId === needId ? { ...n, resolved: true, resolution, resolvedAt: occurredAt } : n,
      );
      return { ...project, needs };
    }
    case 'ProjectLanded':
      return {
        ...project,
        status: 'landed',
        landedOn: event.data.landedOn,
        landedAfter: state.lastOccurredAt,
        actualInvestmentYuan: event.data.actualInvestmentYuan ?? null,
      };
    case 'ProjectWithdrawn':
      return { ...project, status: 'withdrawn', withdrawnReason: event.data.reason };
    case 'NeedFollowedUp':
      return project;
    case 'NeedReopened': {
      const needs = project.needs.map((n) => (n.needId === event.data.needId ? reopenedNeed(n) : n));
      return { ...project, needs };
    }
    case 'LandingCorrected':
      return { ...project, landedOn: event.data.landedOn };
    case 'LandingRevoked':
      return { ...project, status: 'assigned', landedOn: null, landedAfter: null, actualInvestmentYuan: null };
    // Notices are about the project's items, not its course: they leave lastOccurredAt as it was,
    // so a report dated before an automatic (backdated) notice can still be recorded. No
    // projection replays notices by business time; the ladder reads each notice's own dates.
    case 'SupervisionNoticeIssued':
    case 'SupervisionNoticeAcknowledged':
    case 'SupervisionNoticeAnswered':
    case 'SupervisionNoticeEscalated':
      return evolveSupervision({ ...project, lastOccurredAt: state.lastOccurredAt }, event);
  }
}

/*
 * The plan and needs folding below is shared with the read models (the project dossier), so the
 * state and the dossier cannot disagree on what a revision keeps. They copy only the fields they
 * name, whatever else an event carries.
 */

/** A need as submitted: open. */
export function openNeed({ needId, kind, description }: Need): ProjectNeed {
  return { needId, kind, description, resolved: false, resolution: null, resolvedAt: null };
}

/** A need sent back after an unsatisfied follow-up: open again, its resolution cleared. */
export function reopenedNeed(need: ProjectNeed): ProjectNeed {
  return { ...need, resolved: false, resolution: null, resolvedAt: null };
}

/** A need the revision keeps (by needId) keeps its resolution; the others are new and open. */
export function revisedNeeds(current: readonly ProjectNeed[], revised: readonly Need[]): ProjectNeed[] {
  return revised.map((need) => {
    const kept = current.find((n) => n.needId === need.needId);
    return {
      ...openNeed(need),
      resolved: kept?.resolved ?? false,
      resolution: kept?.resolution ?? null,
      resolvedAt: kept?.resolvedAt ?? null,
    };
  });
}

/**
 * The plan in force after a LandingPlanAssigned (revision 1, no previous plan) or
 * LandingPlanRevised event: a milestone completed under the previous plan stays completed if the
 * new plan keeps its id.
 */
export function planFrom(
  plan: LandingPlan,
  revision: number,
  assignedAt: string,
  previous: ProjectPlan | null,
): ProjectPlan {
  return {
    planId: plan.planId,
    revision,
    leadDepartment: plan.leadDepartment,
    supportingDepartments: [...plan.supportingDepartments],
    milestones: plan.milestones.map(({ milestoneId, title, dueOn, departmentCode, owner }) => {
      const kept = previous?.milestones.find((p) => p.milestoneId === milestoneId);
      return {
        milestoneId,
        title,
        dueOn,
        departmentCode,
        owner,
        done: kept?.done ?? false,
        doneAt: kept?.doneAt ?? null,
      };
    }),
    assignedAt,
  };
}
