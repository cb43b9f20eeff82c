// The product lifecycle's closed sets (stages, production milestones, review decisions), shared by every
// layer (API, workflow, database, docs); each type is derived from its list.

// LAUNCHED is final only for products started before ON_SALE existed (their histories still replay);
// newer products go LAUNCH → ON_SALE → ENDED, and DEMAND sits between POLL and DESIGN when the product has
// a demand goal.
export const STAGES = ['POLL', 'DEMAND', 'DESIGN', 'SAMPLING', 'PRODUCTION', 'LAUNCH', 'ON_SALE', 'LAUNCHED', 'ENDED', 'CANCELLED'] as const;
export type Stage = (typeof STAGES)[number];

/** Stages a product never leaves; its workflow ends there. */
export const FINAL_STAGES = ['LAUNCHED', 'ENDED', 'CANCELLED'] as const satisfies readonly Stage[];

export function isFinalStage(stage: Stage): boolean {
  return (FINAL_STAGES as readonly Stage[]).includes(stage);
}

/** Production milestones, recorded strictly in this order; SHIPPED moves the product to LAUNCH. */
export const PRODUCTION_MILESTONES = ['MATERIALS', 'CUTTING', 'SEWING', 'QUALITY_CHECK', 'SHIPPED'] as const;
export type ProductionMilestone = (typeof PRODUCTION_MILESTONES)[number];

export const REVIEW_DECISIONS = ['APPROVE', 'REQUEST_CHANGES'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
