// The product lifecycle's closed sets (stages, production milestones, review decisions), shared by every
// layer (API, workflow, database, docs); each type is derived from its list.

export const STAGES = ['POLL', 'DESIGN', 'SAMPLING', 'PRODUCTION', 'LAUNCH', 'LAUNCHED', 'CANCELLED'] as const;
export type Stage = (typeof STAGES)[number];

/** Stages a product never leaves; its workflow ends there. */
export const FINAL_STAGES = ['LAUNCHED', 'CANCELLED'] as const satisfies readonly Stage[];

export function isFinalStage(stage: Stage): boolean {
  return (FINAL_STAGES as readonly Stage[]).includes(stage);
}

/** Production milestones, recorded strictly in this order; SHIPPED moves the product to LAUNCH. */
export const PRODUCTION_MILESTONES = ['MATERIALS', 'CUTTING', 'SEWING', 'QUALITY_CHECK', 'SHIPPED'] as const;
export type ProductionMilestone = (typeof PRODUCTION_MILESTONES)[number];

export const REVIEW_DECISIONS = ['APPROVE', 'REQUEST_CHANGES'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
