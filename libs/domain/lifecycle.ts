// The lifecycle state machine as pure functions: which action each stage accepts (validate*), what an
// accepted action does to the state (apply*), and which timer is due next. The workflow calls these from
// its update validators, handlers and timers; unit tests call them directly.

import { DomainErrorCode } from './errors';
import type {
  Actor,
  LifecycleEvent,
  LifecycleEventType,
  PendingAction,
  ProductState,
  ProductView,
  ProductWorkflowInput,
  VoteMilestone,
} from './model';
import { SYSTEM_ACTOR } from './model';
import { decideTally, nextMilestone, suggestedQuantity, type TallyDecision } from './rules';
import { isFinalStage, type ProductionMilestone, type ReviewDecision, type Stage } from './stages';

export type LifecycleCommand =
  | { type: 'CLOSE_POLL' }
  | { type: 'EXTEND_POLL'; closesAt: string }
  | { type: 'CANCEL'; reason: string }
  | { type: 'SUBMIT_DESIGN'; title: string; description: string; imageUrls: string[] }
  | { type: 'REVIEW_DESIGN'; round: number; decision: ReviewDecision; feedback?: string }
  | { type: 'RECORD_SAMPLE'; supplier: string; notes: string; photoUrls: string[] }
  | { type: 'REVIEW_SAMPLE'; round: number; decision: ReviewDecision; feedback?: string }
  | { type: 'START_PRODUCTION'; quantity?: number; supplier: string; dueDate: string }
  | { type: 'RECORD_MILESTONE'; milestone: ProductionMilestone; note?: string }
  | { type: 'SCHEDULE_LAUNCH'; launchAt: string }
  | { type: 'APPROVE_LAUNCH_ANNOUNCEMENT'; title: string; body: string };

/** A refused action: never reaches history; the workflow turns it into an ApplicationFailure of the same code. */
export class LifecycleRefusal extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LifecycleRefusal';
  }
}

const ACTION: Record<LifecycleCommand['type'], { name: string; stage: Stage | 'ANY_ACTIVE' }> = {
  CLOSE_POLL: { name: 'closing the poll', stage: 'POLL' },
  EXTEND_POLL: { name: 'extending the poll', stage: 'POLL' },
  CANCEL: { name: 'cancelling', stage: 'ANY_ACTIVE' },
  SUBMIT_DESIGN: { name: 'design submission', stage: 'DESIGN' },
  REVIEW_DESIGN: { name: 'design review', stage: 'DESIGN' },
  RECORD_SAMPLE: { name: 'sample submission', stage: 'SAMPLING' },
  REVIEW_SAMPLE: { name: 'sample review', stage: 'SAMPLING' },
  START_PRODUCTION: { name: 'starting production', stage: 'PRODUCTION' },
  RECORD_MILESTONE: { name: 'a production milestone', stage: 'PRODUCTION' },
  SCHEDULE_LAUNCH: { name: 'scheduling the launch', stage: 'LAUNCH' },
  APPROVE_LAUNCH_ANNOUNCEMENT: { name: 'approving the launch announcement', stage: 'LAUNCH' },
};

/** Longest approved announcement; the platforms' own limits are applied when it is composed per channel. */
export const ANNOUNCEMENT_LIMITS = { title: 200, body: 5000 } as const;

function refuse(code: DomainErrorCode, message: string): never {
  throw new LifecycleRefusal(code, message);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The product's state and first events when its workflow starts. */
export function createProductState(input: ProductWorkflowInput, nowMs: number): { state: ProductState; events: LifecycleEvent[] } {
  const now = iso(nowMs);
  const state: ProductState = {
    productId: input.productId,
    influencerId: input.influencerId,
    name: input.name,
    targetKeyword: input.targetKeyword,
    stage: 'POLL',
    seq: 0,
    createdAt: now,
    updatedAt: now,
    rules: input.rules,
    poll: { ...input.poll, status: 'OPEN' },
    designs: [],
    samples: [],
    production: { milestones: [] },
    launch: { countdowns: [] },
  };
  const events = [
    emit(state, 'PRODUCT_CREATED', input.createdBy, now, { name: input.name, targetKeyword: input.targetKeyword }),
    emit(state, 'POLL_OPENED', input.createdBy, now, {
      question: input.poll.question,
      options: input.poll.options,
      closesAt: input.poll.closesAt,
      minVotes: input.poll.minVotes,
    }),
  ];
  return { state, events };
}

function emit(state: ProductState, type: LifecycleEventType, actor: Actor, at: string, data: Record<string, unknown>): LifecycleEvent {
  state.seq += 1;
  state.updatedAt = at;
  return { seq: state.seq, type, stage: state.stage, actor, at, data };
}

function moveTo(state: ProductState, to: Stage, actor: Actor, at: string): LifecycleEvent {
  const from = state.stage;
  state.stage = to;
  return emit(state, 'STAGE_CHANGED', actor, at, { from, to });
}

/** Refuses the command (throws LifecycleRefusal) unless the product's state accepts it now. */
export function validateCommand(state: ProductState, cmd: LifecycleCommand, nowMs: number): void {
  const p = state.productId;
  const action = ACTION[cmd.type];
  if (isFinalStage(state.stage)) {
    refuse(DomainErrorCode.WrongStage, `product ${p} is ${state.stage}; no further actions are accepted`);
  }
  if (action.stage !== 'ANY_ACTIVE' && state.stage !== action.stage) {
    refuse(DomainErrorCode.WrongStage, `product ${p} is in ${state.stage}; ${action.name} is accepted only in ${action.stage}`);
  }
  switch (cmd.type) {
    case 'CANCEL':
      if (!cmd.reason.trim()) refuse(DomainErrorCode.InvalidValue, 'a cancellation needs a reason');
      return;
    case 'CLOSE_POLL':
      if (state.poll.status === 'CLOSING') refuse(DomainErrorCode.InvalidState, `the poll of product ${p} is already closing`);
      if (state.poll.status === 'AWAITING_DECISION') {
        refuse(
          DomainErrorCode.InvalidState,
          `the poll of product ${p} closed with ${state.poll.lastTally?.totalVotes ?? 0} of ${state.poll.minVotes} required votes; extend it or cancel the product`,
        );
      }
      return;
    case 'EXTEND_POLL': {
      if (state.poll.status === 'CLOSING') refuse(DomainErrorCode.InvalidState, `the poll of product ${p} is closing`);
      const closesAt = Date.parse(cmd.closesAt);
      if (Number.isNaN(closesAt)) refuse(DomainErrorCode.InvalidValue, `closesAt "${cmd.closesAt}" is not a valid time`);
      if (closesAt <= nowMs) refuse(DomainErrorCode.InvalidValue, `closesAt ${cmd.closesAt} is not in the future`);
      if (state.poll.status === 'OPEN' && closesAt <= Date.parse(state.poll.closesAt)) {
        refuse(
          DomainErrorCode.InvalidValue,
          `closesAt ${cmd.closesAt} is not later than the current closing time ${state.poll.closesAt}; close the poll to end it early`,
        );
      }
      return;
    }
    case 'SUBMIT_DESIGN':
      return validateSubmission(state, 'design', state.designs, state.rules.designRoundLimit);
    case 'RECORD_SAMPLE':
      return validateSubmission(state, 'sample', state.samples, state.rules.sampleRoundLimit);
    case 'REVIEW_DESIGN':
      return validateReview(state, 'design', state.designs, cmd);
    case 'REVIEW_SAMPLE':
      return validateReview(state, 'sample', state.samples, cmd);
    case 'START_PRODUCTION': {
      if (state.production.run) refuse(DomainErrorCode.InvalidState, `production of product ${p} has already started`);
      if (cmd.quantity !== undefined && (!Number.isInteger(cmd.quantity) || cmd.quantity < 1)) {
        refuse(DomainErrorCode.InvalidValue, 'quantity must be a positive whole number');
      }
      const due = Date.parse(cmd.dueDate);
      if (Number.isNaN(due)) refuse(DomainErrorCode.InvalidValue, `dueDate "${cmd.dueDate}" is not a valid time`);
      if (due <= nowMs) refuse(DomainErrorCode.InvalidValue, `dueDate ${cmd.dueDate} is not in the future`);
      return;
    }
    case 'RECORD_MILESTONE': {
      if (!state.production.run) refuse(DomainErrorCode.InvalidState, `production of product ${p} has not started; start it first`);
      const expected = nextMilestone(state.production.milestones.map((m) => m.milestone));
      if (cmd.milestone !== expected) {
        refuse(
          DomainErrorCode.InvalidState,
          `milestones of product ${p} are recorded in order; the next one is ${expected}, not ${cmd.milestone}`,
        );
      }
      return;
    }
    case 'SCHEDULE_LAUNCH': {
      const at = Date.parse(cmd.launchAt);
      if (Number.isNaN(at)) refuse(DomainErrorCode.InvalidValue, `launchAt "${cmd.launchAt}" is not a valid time`);
      if (at <= nowMs) refuse(DomainErrorCode.InvalidValue, `launchAt ${cmd.launchAt} is not in the future`);
      return;
    }
    case 'APPROVE_LAUNCH_ANNOUNCEMENT': {
      if (state.rules.launchApprovalLeadMs === undefined) {
        refuse(DomainErrorCode.InvalidState, `product ${p} was started before launch announcements needed approval; its announcement goes out as drafted`);
      }
      if (!cmd.title.trim() || !cmd.body.trim()) refuse(DomainErrorCode.InvalidValue, 'the announcement needs a title and a body');
      if (cmd.title.length > ANNOUNCEMENT_LIMITS.title || cmd.body.length > ANNOUNCEMENT_LIMITS.body) {
        refuse(DomainErrorCode.InvalidValue, `the announcement's title is limited to ${ANNOUNCEMENT_LIMITS.title} and its body to ${ANNOUNCEMENT_LIMITS.body} characters`);
      }
      return;
    }
  }
}

function validateSubmission(state: ProductState, what: 'design' | 'sample', rounds: { status: string; round: number }[], limit: number): void {
  const last = rounds[rounds.length - 1];
  if (last?.status === 'PENDING_REVIEW') {
    refuse(DomainErrorCode.InvalidState, `${what} round ${last.round} of product ${state.productId} is waiting for the influencer's review`);
  }
  if (rounds.length >= limit) {
    refuse(
      DomainErrorCode.RoundLimitReached,
      `product ${state.productId} has used all ${limit} ${what} rounds; the only action left in ${state.stage} is cancelling`,
    );
  }
}

function validateReview(
  state: ProductState,
  what: 'design' | 'sample',
  rounds: { status: string; round: number }[],
  cmd: { round: number; decision: ReviewDecision; feedback?: string },
): void {
  const target = rounds.find((r) => r.round === cmd.round);
  if (!target) {
    refuse(
      DomainErrorCode.InvalidValue,
      rounds.length === 0
        ? `product ${state.productId} has no ${what} round to review yet`
        : `product ${state.productId} has no ${what} round ${cmd.round}; rounds are 1 to ${rounds.length}`,
    );
  }
  if (target.status !== 'PENDING_REVIEW') {
    refuse(DomainErrorCode.InvalidState, `${what} round ${cmd.round} of product ${state.productId} was already reviewed`);
  }
  if (cmd.decision === 'REQUEST_CHANGES' && !cmd.feedback?.trim()) {
    refuse(DomainErrorCode.InvalidValue, 'requesting changes needs feedback saying what to change');
  }
}

/**
 * Applies an accepted command (validateCommand passed) and returns the events it produced.
 * CLOSE_POLL is not applied here: it needs the tally first (see applyPollTally).
 */
export function applyCommand(state: ProductState, cmd: Exclude<LifecycleCommand, { type: 'CLOSE_POLL' }>, actor: Actor, nowMs: number): LifecycleEvent[] {
  const at = iso(nowMs);
  switch (cmd.type) {
    case 'EXTEND_POLL': {
      const previous = state.poll.closesAt;
      state.poll.closesAt = new Date(Date.parse(cmd.closesAt)).toISOString();
      state.poll.status = 'OPEN';
      return [emit(state, 'POLL_EXTENDED', actor, at, { from: previous, closesAt: state.poll.closesAt })];
    }
    case 'CANCEL': {
      const fromStage = state.stage;
      state.cancellation = { reason: cmd.reason.trim(), at, by: actor, fromStage };
      state.stage = 'CANCELLED';
      // Vote intake reads the poll's status: a cancelled product's poll takes no more votes.
      if (state.poll.status !== 'CLOSED') state.poll.status = 'CANCELLED';
      return [emit(state, 'CANCELLED', actor, at, { reason: state.cancellation.reason, from: fromStage })];
    }
    case 'SUBMIT_DESIGN': {
      const round = state.designs.length + 1;
      state.designs.push({
        round,
        status: 'PENDING_REVIEW',
        submittedAt: at,
        submittedBy: actor,
        title: cmd.title,
        description: cmd.description,
        imageUrls: cmd.imageUrls,
      });
      return [emit(state, 'DESIGN_SUBMITTED', actor, at, { round, title: cmd.title })];
    }
    case 'RECORD_SAMPLE': {
      const round = state.samples.length + 1;
      state.samples.push({
        round,
        status: 'PENDING_REVIEW',
        submittedAt: at,
        submittedBy: actor,
        supplier: cmd.supplier,
        notes: cmd.notes,
        photoUrls: cmd.photoUrls,
      });
      return [emit(state, 'SAMPLE_RECORDED', actor, at, { round, supplier: cmd.supplier })];
    }
    case 'REVIEW_DESIGN':
    case 'REVIEW_SAMPLE': {
      const isDesign = cmd.type === 'REVIEW_DESIGN';
      const rounds = isDesign ? state.designs : state.samples;
      const target = rounds.find((r) => r.round === cmd.round)!;
      const approved = cmd.decision === 'APPROVE';
      target.status = approved ? 'APPROVED' : 'CHANGES_REQUESTED';
      target.feedback = cmd.feedback?.trim() || undefined;
      target.reviewedAt = at;
      target.reviewedBy = actor;
      const type: LifecycleEventType = isDesign
        ? approved ? 'DESIGN_APPROVED' : 'DESIGN_CHANGES_REQUESTED'
        : approved ? 'SAMPLE_APPROVED' : 'SAMPLE_CHANGES_REQUESTED';
      const events = [emit(state, type, actor, at, { round: cmd.round, feedback: target.feedback ?? null })];
      if (approved) events.push(moveTo(state, isDesign ? 'SAMPLING' : 'PRODUCTION', actor, at));
      return events;
    }
    case 'START_PRODUCTION': {
      const suggested = state.suggestedQuantity ?? state.rules.demand.minimumOrder;
      state.production.run = {
        quantity: cmd.quantity ?? suggested,
        suggestedQuantity: suggested,
        supplier: cmd.supplier,
        dueDate: new Date(Date.parse(cmd.dueDate)).toISOString(),
        startedAt: at,
      };
      return [emit(state, 'PRODUCTION_STARTED', actor, at, { ...state.production.run })];
    }
    case 'RECORD_MILESTONE': {
      state.production.milestones.push({ milestone: cmd.milestone, note: cmd.note, at });
      const events = [emit(state, 'PRODUCTION_MILESTONE', actor, at, { milestone: cmd.milestone, note: cmd.note ?? null })];
      if (cmd.milestone === 'SHIPPED') events.push(moveTo(state, 'LAUNCH', actor, at));
      return events;
    }
    case 'SCHEDULE_LAUNCH': {
      const launchMs = Date.parse(cmd.launchAt);
      const previous = state.launch.launchAt ?? null;
      state.launch.launchAt = iso(launchMs);
      // Only countdowns still ahead are kept; a launch scheduled 30 minutes out gets no "24 hours to go".
      state.launch.countdowns = [...state.rules.launchCountdownsMs]
        .sort((a, b) => b - a)
        .filter((offset) => launchMs - offset > nowMs)
        .map((offsetMs) => ({ offsetMs, at: iso(launchMs - offsetMs), sent: false }));
      // A new launch time re-arms the approval alert for it.
      delete state.launch.approvalOverdueAt;
      return [emit(state, 'LAUNCH_SCHEDULED', actor, at, { launchAt: state.launch.launchAt, previous })];
    }
    case 'APPROVE_LAUNCH_ANNOUNCEMENT': {
      const previous = state.launch.announcement ? 'replaced' : null;
      state.launch.announcement = { title: cmd.title.trim(), body: cmd.body.trim(), approvedAt: at, approvedBy: actor };
      return [emit(state, 'LAUNCH_ANNOUNCEMENT_APPROVED', actor, at, { title: state.launch.announcement.title, body: state.launch.announcement.body, previous })];
    }
  }
}

/** Marks the poll as being tallied, so that a second close or an extension waits for the result. */
/**
 * Records a vote milestone reported by vote intake, once per milestone and only while the poll runs
 * (a report that arrives after the poll closed, or twice, changes nothing).
 */
export function applyVoteMilestone(state: ProductState, reached: VoteMilestone, nowMs: number): LifecycleEvent[] {
  if (state.stage !== 'POLL' || !Number.isSafeInteger(reached.milestone) || reached.milestone <= 0) return [];
  const seen = (state.poll.milestones ??= []);
  if (seen.some((m) => m.milestone === reached.milestone)) return [];
  const at = iso(nowMs);
  const totalVotes = Math.max(reached.milestone, Math.floor(reached.totalVotes) || 0);
  seen.push({ milestone: reached.milestone, totalVotes, at });
  seen.sort((a, b) => a.milestone - b.milestone);
  return [emit(state, 'POLL_MILESTONE', SYSTEM_ACTOR, at, { milestone: reached.milestone, totalVotes })];
}

export function beginPollClose(state: ProductState): void {
  state.poll.status = 'CLOSING';
}

/**
 * Applies the tally read from PostgreSQL: below the minimum the poll waits for a staff decision,
 * otherwise the winner is chosen and the product moves to DESIGN. A product cancelled while the tally
 * ran is left as it is.
 */
export function applyPollTally(state: ProductState, counts: TallyDecision['counts'], actor: Actor, nowMs: number): LifecycleEvent[] {
  if (state.stage !== 'POLL') return [];
  const at = iso(nowMs);
  const decision = decideTally(state.poll.options, counts);
  state.poll.lastTally = { counts: decision.counts, totalVotes: decision.totalVotes, at };
  if (decision.totalVotes < state.poll.minVotes) {
    state.poll.status = 'AWAITING_DECISION';
    return [
      emit(state, 'POLL_BELOW_MINIMUM', actor, at, {
        totalVotes: decision.totalVotes,
        minVotes: state.poll.minVotes,
        counts: decision.counts,
      }),
    ];
  }
  state.poll.status = 'CLOSED';
  state.poll.result = {
    counts: decision.counts,
    totalVotes: decision.totalVotes,
    winningOptionId: decision.winningOptionId,
    tieBroken: decision.tieBroken,
    closedAt: at,
  };
  const winnerVotes = decision.counts.find((c) => c.optionId === decision.winningOptionId)!.votes;
  state.suggestedQuantity = suggestedQuantity(winnerVotes, state.rules.demand);
  return [
    emit(state, 'POLL_CLOSED', actor, at, {
      winningOptionId: decision.winningOptionId,
      totalVotes: decision.totalVotes,
      tieBroken: decision.tieBroken,
      counts: decision.counts,
      suggestedQuantity: state.suggestedQuantity,
    }),
    moveTo(state, 'DESIGN', actor, at),
  ];
}

export type Deadline =
  | { kind: 'POLL_CLOSES'; at: number }
  | { kind: 'REVIEW_REMINDER'; at: number; what: 'design' | 'sample'; round: number }
  | { kind: 'LAUNCH_COUNTDOWN'; at: number; offsetMs: number }
  | { kind: 'LAUNCH_APPROVAL_DUE'; at: number }
  | { kind: 'LAUNCH'; at: number };

/** The next timer the workflow must wait for in the current state, or null when it waits for people only. */
export function nextDeadline(state: ProductState): Deadline | null {
  switch (state.stage) {
    case 'POLL':
      return state.poll.status === 'OPEN' ? { kind: 'POLL_CLOSES', at: Date.parse(state.poll.closesAt) } : null;
    case 'DESIGN':
    case 'SAMPLING': {
      const what = state.stage === 'DESIGN' ? 'design' : 'sample';
      const rounds = what === 'design' ? state.designs : state.samples;
      const last = rounds[rounds.length - 1];
      if (!last || last.status !== 'PENDING_REVIEW' || last.remindedAt) return null;
      return { kind: 'REVIEW_REMINDER', at: Date.parse(last.submittedAt) + state.rules.reviewReminderAfterMs, what, round: last.round };
    }
    case 'LAUNCH': {
      if (!state.launch.launchAt) return null;
      const launchAt = Date.parse(state.launch.launchAt);
      const countdown = state.launch.countdowns.find((c) => !c.sent);
      const next: Deadline = countdown
        ? { kind: 'LAUNCH_COUNTDOWN', at: Date.parse(countdown.at), offsetMs: countdown.offsetMs }
        : { kind: 'LAUNCH', at: launchAt };
      const lead = state.rules.launchApprovalLeadMs;
      if (lead === undefined || state.launch.announcement || state.launch.approvalOverdueAt) return next;
      // The approval check comes first when it is due no later than the next countdown or the launch
      // (at once when the launch was scheduled closer than the lead).
      const approvalDue = launchAt - lead;
      return approvalDue <= next.at ? { kind: 'LAUNCH_APPROVAL_DUE', at: approvalDue } : next;
    }
    default:
      return null;
  }
}

/** Applies a fired timer other than the poll's deadline (which goes through the tally). */
export function applyDeadline(state: ProductState, deadline: Exclude<Deadline, { kind: 'POLL_CLOSES' }>, nowMs: number): LifecycleEvent[] {
  const at = iso(nowMs);
  switch (deadline.kind) {
    case 'REVIEW_REMINDER': {
      const rounds = deadline.what === 'design' ? state.designs : state.samples;
      const round = rounds.find((r) => r.round === deadline.round)!;
      round.remindedAt = at;
      const type = deadline.what === 'design' ? 'DESIGN_REVIEW_REMINDER' : 'SAMPLE_REVIEW_REMINDER';
      return [emit(state, type, SYSTEM_ACTOR, at, { round: deadline.round, waitingSince: round.submittedAt })];
    }
    case 'LAUNCH_COUNTDOWN': {
      const countdown = state.launch.countdowns.find((c) => c.offsetMs === deadline.offsetMs && !c.sent)!;
      countdown.sent = true;
      return [emit(state, 'LAUNCH_COUNTDOWN', SYSTEM_ACTOR, at, { launchAt: state.launch.launchAt, remainingMs: deadline.offsetMs })];
    }
    case 'LAUNCH_APPROVAL_DUE': {
      state.launch.approvalOverdueAt = at;
      return [emit(state, 'LAUNCH_APPROVAL_OVERDUE', SYSTEM_ACTOR, at, { launchAt: state.launch.launchAt })];
    }
    case 'LAUNCH': {
      state.launch.launchedAt = at;
      // Products that need an approved announcement say whether theirs was, so the update is held if not.
      const approval = state.rules.launchApprovalLeadMs === undefined ? {} : { announcementApproved: state.launch.announcement !== undefined };
      const launched = emit(state, 'LAUNCHED', SYSTEM_ACTOR, at, { launchAt: state.launch.launchAt, ...approval });
      return [launched, moveTo(state, 'LAUNCHED', SYSTEM_ACTOR, at)];
    }
  }
}

/** What the product waits for, in words a person reads on the board. */
export function pendingAction(state: ProductState): PendingAction {
  switch (state.stage) {
    case 'POLL':
      switch (state.poll.status) {
        case 'OPEN':
          return { by: 'fans', action: 'VOTE', description: `fans vote until ${state.poll.closesAt}; staff may close the poll early` };
        case 'CLOSING':
          return { by: 'engine', action: 'TALLY', description: 'the poll is being tallied' };
        case 'AWAITING_DECISION':
          return {
            by: 'staff',
            action: 'EXTEND_OR_CANCEL',
            description: `the poll got ${state.poll.lastTally?.totalVotes ?? 0} of ${state.poll.minVotes} required votes; extend it or cancel the product`,
          };
        default:
          return { by: 'engine', action: 'NONE', description: 'the poll is closed' };
      }
    case 'DESIGN':
      return roundAction('design', state.designs, state.rules.designRoundLimit, 'SUBMIT_DESIGN');
    case 'SAMPLING':
      return roundAction('sample', state.samples, state.rules.sampleRoundLimit, 'RECORD_SAMPLE');
    case 'PRODUCTION': {
      if (!state.production.run) {
        return { by: 'staff', action: 'START_PRODUCTION', description: `start production (suggested quantity ${state.suggestedQuantity ?? state.rules.demand.minimumOrder})` };
      }
      const next = nextMilestone(state.production.milestones.map((m) => m.milestone));
      return { by: 'staff', action: 'RECORD_MILESTONE', description: `record the ${next} milestone` };
    }
    case 'LAUNCH':
      if (!state.launch.launchAt) return { by: 'staff', action: 'SCHEDULE_LAUNCH', description: 'schedule the launch' };
      if (state.rules.launchApprovalLeadMs !== undefined && !state.launch.announcement) {
        return {
          by: 'influencer',
          action: 'APPROVE_LAUNCH_ANNOUNCEMENT',
          description: `approve the launch announcement; the product launches at ${state.launch.launchAt} and an unapproved announcement is not published`,
        };
      }
      return { by: 'engine', action: 'LAUNCH', description: `the product launches at ${state.launch.launchAt}` };
    default:
      return { by: null, action: 'NONE', description: `the product is ${state.stage}` };
  }
}

function roundAction(what: 'design' | 'sample', rounds: { status: string; round: number }[], limit: number, submit: string): PendingAction {
  const last = rounds[rounds.length - 1];
  if (last?.status === 'PENDING_REVIEW') {
    return { by: 'influencer', action: `REVIEW_${what.toUpperCase()}`, description: `review ${what} round ${last.round}` };
  }
  if (rounds.length >= limit) {
    return { by: 'staff', action: 'CANCEL', description: `all ${limit} ${what} rounds are used; the product can only be cancelled` };
  }
  return { by: 'staff', action: submit, description: `submit ${what} round ${rounds.length + 1} of ${limit}` };
}

export function toView(state: ProductState): ProductView {
  return { ...structuredCloneJson(state), pendingAction: pendingAction(state) };
}

function structuredCloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
