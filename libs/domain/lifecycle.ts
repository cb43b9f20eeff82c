// The lifecycle state machine as pure functions: which action each stage accepts and what an accepted
// action does (commands/, one file per command), the poll's tally, vote milestones, timers, and the view
// callers get. The workflow calls these from its update validators, handlers and timers; unit tests call
// them directly.

export * from './commands';
export { createProductState } from './create-product';
export { applyDeadline, nextDeadline, type Deadline, type TallyDeadline } from './deadlines';
export { applyDemandGoalReached, applyDemandTally, beginDemandClose, hasDemandGate, recordDemandTally, variantIdsOf, variantsOf } from './demand';
export { applySalesReport, openRestock, runQuantities, salesRulesOf } from './sales';
export { applyPollTally } from './poll-tally';
export { pendingAction, toView } from './view';
export { applyVoteMilestone } from './vote-milestones';
