/**
 * How long texts and lists in command input may be, per aggregate: the deciders refuse longer
 * input (they are also fed by imports and scripts), and the API's request DTOs check the same
 * numbers, so a form and an import meet the same limit. Texts count characters (code points)
 * after trimming.
 */
export const INPUT_LIMITS = {
  project: {
    title: 200,
    summary: 4000,
    industryChain: 100,
    district: 50,
    needs: 50,
    needDescription: 1000,
    /** Each review score runs from 0 to this. */
    scoreMax: 100,
    reviewComment: 4000,
    supportingDepartments: 30,
    milestones: 100,
    milestoneTitle: 200,
    milestoneOwner: 100,
    progressNote: 4000,
    needResolution: 4000,
    landingEvidence: 4000,
    withdrawalReason: 4000,
    correctionReason: 4000,
    followUpComment: 4000,
    /** Evidence files one progress report, resolution, follow-up or landing names. */
    evidenceFiles: 20,
  },
  enterprise: {
    name: 200,
    /** 统一社会信用代码 has exactly 18 characters. */
    creditCode: 18,
    district: 50,
    evidenceFileIds: 20,
  },
  matchmaking: {
    hosts: 50,
    departments: 30,
  },
  conference: {
    title: 200,
    theme: 200,
  },
} as const;
