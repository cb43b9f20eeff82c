// The product lifecycle's stages, shared by every layer (API, workflow, database, docs).

export const STAGES = ['POLL', 'DESIGN', 'SAMPLING', 'PRODUCTION', 'LAUNCH', 'LAUNCHED', 'CANCELLED'] as const;
export type Stage = (typeof STAGES)[number];

/** Stages a product can still leave; CANCELLED is reachable from each of them. */
export const ACTIVE_STAGES: readonly Stage[] = ['POLL', 'DESIGN', 'SAMPLING', 'PRODUCTION', 'LAUNCH'];

export function isFinalStage(stage: Stage): boolean {
  return stage === 'LAUNCHED' || stage === 'CANCELLED';
}

/** Production milestones, recorded strictly in this order; SHIPPED moves the product to LAUNCH. */
export const PRODUCTION_MILESTONES = ['MATERIALS', 'CUTTING', 'SEWING', 'QUALITY_CHECK', 'SHIPPED'] as const;
export type ProductionMilestone = (typeof PRODUCTION_MILESTONES)[number];

export const REVIEW_DECISIONS = ['APPROVE', 'REQUEST_CHANGES'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
