// The product's state as the workflow holds it, the events it emits (the timeline), and the inputs that
// start it. Plain JSON-serialisable data: it crosses Temporal payloads and lands in PostgreSQL as is.

import type { DemandGoal, DemandState, ProductVariant, SalesRules, SalesState, VariantUnits } from './sales-model';
import type { ProductionMilestone, ReviewDecision, Stage } from './stages';

export const ACTOR_KINDS = ['staff', 'influencer', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Who did something: the API key behind a request, or the engine itself (deadlines, reminders). */
export interface Actor {
  kind: ActorKind;
  /** API key id for staff, influencer id for influencers, the timer's name for system. */
  id: string;
  label?: string;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: 'engine' };

export interface PollOption {
  id: string;
  label: string;
  description?: string;
}

export interface PollSpec {
  question: string;
  options: PollOption[];
  /** ISO-8601 instant. */
  closesAt: string;
  minVotes: number;
}

/** Demand → production quantity: `ceil(max(minimumOrder, winnerVotes × conversionRate) / batchSize) × batchSize`. */
export interface DemandRules {
  conversionRate: number;
  minimumOrder: number;
  batchSize: number;
}

/** Per-product rules, fixed when the product starts so that the workflow stays deterministic. */
export interface LifecycleRules {
  designRoundLimit: number;
  sampleRoundLimit: number;
  /** A review waiting longer than this gets a reminder, and another each time it has waited this long again (up to reviewReminderLimit). */
  reviewReminderAfterMs: number;
  /**
   * Reminders of one waiting review at most, one per interval. Absent in products started before repeated
   * reminders: they get one, as they did.
   */
  reviewReminderLimit?: number;
  /** Countdown updates go out this long before launch (e.g. 24 h and 1 h). */
  launchCountdownsMs: number[];
  demand: DemandRules;
  /**
   * The influencer must approve the launch announcement this long before launch, or staff are alerted.
   * Absent in products started before launch announcements needed approval: theirs go out as drafted.
   */
  launchApprovalLeadMs?: number;
  /**
   * How often the product may repeat an action over its whole life. Absent in products started before
   * caps existed: they get DEFAULT_ACTION_LIMITS (commands/action-limits.ts).
   */
  actionLimits?: ActionLimits;
  /** A run of the product's workflow continues as new once its history has this many events (or Temporal suggests it sooner). */
  runEventLimit?: number;
  /** The demand gate (reservations decide production); absent: the poll's votes decide, as before. */
  demandGoal?: DemandGoal;
  /** Sales after launch (restock, reservation hold); absent in products started before ON_SALE existed. */
  sales?: SalesRules;
  /**
   * Staff are warned this long before an open supplier order (sample request, production run, restock) is due.
   * Absent in products started before these warnings: they get none.
   */
  orderDueWarningMs?: number;
}

/** Caps on the actions a product may repeat; each accepted one grows its workflow's history. */
export interface ActionLimits {
  /** Schedulings of the launch after the first. */
  launchReschedules: number;
  /** Extensions of the poll (each one, the reopening of a poll that fell short included). */
  pollExtensions: number;
  /** Approvals of the launch announcement after the first. */
  announcementReapprovals: number;
  /** Extensions of the demand window (absent in products started before the demand gate: DEFAULT_ACTION_LIMITS). */
  demandExtensions?: number;
  /** Restocks proposed over the product's life (absent: DEFAULT_ACTION_LIMITS). */
  restocks?: number;
  /** Edits of a draft poll's options and requests for changes to them, together (absent: DEFAULT_ACTION_LIMITS). */
  pollRevisions?: number;
}

export interface ProductWorkflowInput {
  productId: string;
  influencerId: string;
  name: string;
  targetKeyword: string;
  poll: PollSpec;
  rules: LifecycleRules;
  createdBy: Actor;
  /** When the API created the product (ISO), so the row and the workflow agree; absent in older workflows. */
  createdAt?: string;
  /** What is sold (size / colour); absent in older workflows (they sell DEFAULT_VARIANTS). */
  variants?: ProductVariant[];
  /** The registered shop that sells it and is told about reservations; absent: no shop events. */
  shopId?: string;
  /**
   * Present when the influencer approves the poll's options before it opens (the poll starts in DRAFT and is
   * open for durationMs from the approval); absent in older workflows and with pollApproval 'none'.
   */
  pollApproval?: { durationMs: number };
  /** Set when a run continues as new: the product as the previous run left it (see ContinuedRun). */
  continued?: ContinuedRun;
}

/**
 * What a run hands to the next when its history grows long (continue-as-new): the whole state, counts
 * included, after every event was written to the read model and every social update recorded, so the
 * new run re-emits nothing and re-arms its timers from the state.
 */
export interface ContinuedRun {
  state: ProductState;
  /** Whether the product produces social updates (products started before them never do). */
  social: boolean;
  /** How many runs came before this one. */
  runs: number;
  /** Whether the product tells people who must act (products started before notifications never do). */
  notifications?: boolean;
  /** Whether it writes those notifications with a local activity (products from the `notify-people-locally` patch on). */
  notifiesLocally?: boolean;
}

/** What an action's Update answers with: the product's stage and seq right after it (the API reads the rest from PostgreSQL). */
export interface ActionResult {
  stage: Stage;
  seq: number;
}

export interface OptionCount {
  optionId: string;
  votes: number;
  /** When the option's last counted vote arrived (ISO), used to break ties; null with no votes. */
  lastVoteAt: string | null;
}

export interface PollResult {
  counts: OptionCount[];
  totalVotes: number;
  winningOptionId: string;
  /** True when the winner shared the top count and the tie-break rule decided. */
  tieBroken: boolean;
  closedAt: string;
}

/**
 * DRAFT: the options wait for the influencer's approval (products created with pollApproval 'influencer');
 * nothing is public and no votes are taken. CANCELLED: the product was cancelled before its poll closed.
 */
export const POLL_STATUSES = ['DRAFT', 'OPEN', 'CLOSING', 'AWAITING_DECISION', 'CLOSED', 'CANCELLED'] as const;
export type PollStatus = (typeof POLL_STATUSES)[number];

/** A vote-count milestone the poll crossed (e.g. 1,000 fans have voted), reported by vote intake. */
export interface VoteMilestone {
  milestone: number;
  /** The total when intake noticed the crossing (at least the milestone). */
  totalVotes: number;
}

/** Who must approve a poll's options before it opens: the product's influencer, or nobody (it opens at once). */
export const POLL_APPROVALS = ['influencer', 'none'] as const;
export type PollApproval = (typeof POLL_APPROVALS)[number];

/** A poll waiting for the influencer's approval of its options (status DRAFT), and how that went. */
export interface PollDraft {
  /** How long the poll stays open, counted from its approval. */
  durationMs: number;
  /** The influencer's last request for changes; cleared when staff edit the options. */
  changesRequested?: { feedback: string; at: string; by: Actor };
  approvedAt?: string;
  approvedBy?: Actor;
}

export interface PollState extends PollSpec {
  status: PollStatus;
  /** Present for polls that needed the influencer's approval (closesAt is provisional until approvedAt). */
  draft?: PollDraft;
  /** The last tally, also when it fell short of minVotes. */
  lastTally?: { counts: OptionCount[]; totalVotes: number; at: string };
  result?: PollResult;
  /** Milestones already announced, each once; absent in products started before milestones existed. */
  milestones?: (VoteMilestone & { at: string })[];
}

export const REVIEW_STATUSES = ['PENDING_REVIEW', 'APPROVED', 'CHANGES_REQUESTED'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface ReviewedRound {
  round: number;
  status: ReviewStatus;
  submittedAt: string;
  submittedBy: Actor;
  feedback?: string;
  reviewedAt?: string;
  reviewedBy?: Actor;
  /** When the influencer was last reminded that it waits for her. */
  remindedAt?: string;
  /** How often she was reminded of it (absent in products from before repeated reminders: remindedAt means once). */
  reminders?: number;
}

export interface DesignProposal extends ReviewedRound {
  title: string;
  description: string;
  imageUrls: string[];
}

export interface SampleRound extends ReviewedRound {
  supplier: string;
  /** The registered supplier (suppliers registered through the API); absent for a supplier named in free text. */
  supplierId?: string;
  /** The sample request this round answers, when it was requested through the engine. */
  request?: number;
  notes: string;
  photoUrls: string[];
}

export const SAMPLE_REQUEST_STATUSES = ['OPEN', 'RECEIVED', 'CANCELLED'] as const;
export type SampleRequestStatus = (typeof SAMPLE_REQUEST_STATUSES)[number];

/** A sample asked of a registered supplier (sent to its outbound channel); the round recorded from it closes it. */
export interface SampleRequest {
  number: number;
  supplierId: string;
  supplier: string;
  notes: string;
  dueDate?: string;
  requestedAt: string;
  requestedBy: Actor;
  status: SampleRequestStatus;
  /** When it was received (its round recorded) or cancelled with the product. */
  closedAt?: string;
  /** When staff were warned that its due date nears (once). */
  dueWarnedAt?: string;
}

export interface ProductionRun {
  quantity: number;
  /** Units per variant (they add up to quantity); absent in products started before variants. */
  quantities?: VariantUnits[];
  suggestedQuantity: number;
  supplier: string;
  /** The registered supplier, told of the run (and of its cancellation); absent for a supplier named in free text. */
  supplierId?: string;
  dueDate: string;
  startedAt: string;
  /** When staff were warned that its due date nears (once). */
  dueWarnedAt?: string;
}

export interface MilestoneRecord {
  milestone: ProductionMilestone;
  note?: string;
  at: string;
}

export interface LaunchCountdown {
  offsetMs: number;
  at: string;
  sent: boolean;
}

/** The launch announcement's text as the influencer approved it; it goes out word for word at launch. */
export interface LaunchAnnouncement {
  title: string;
  body: string;
  approvedAt: string;
  approvedBy: Actor;
}

export interface LaunchState {
  launchAt?: string;
  countdowns: LaunchCountdown[];
  launchedAt?: string;
  announcement?: LaunchAnnouncement;
  /** When staff were alerted that the announcement was still unapproved (once per scheduled launch). */
  approvalOverdueAt?: string;
}

export interface ProductState {
  productId: string;
  influencerId: string;
  name: string;
  targetKeyword: string;
  stage: Stage;
  /** Sequence number of the last event; the read model only ever moves forward by it. */
  seq: number;
  createdAt: string;
  updatedAt: string;
  rules: LifecycleRules;
  poll: PollState;
  designs: DesignProposal[];
  samples: SampleRound[];
  /** Samples requested of registered suppliers; absent until the first request. */
  sampleRequests?: SampleRequest[];
  suggestedQuantity?: number;
  production: { run?: ProductionRun; milestones: MilestoneRecord[] };
  launch: LaunchState;
  cancellation?: { reason: string; at: string; by: Actor; fromStage: Stage };
  /** How often each capped action was repeated so far; absent until the first one. */
  actionCounts?: ActionLimits;
  /** What is sold; absent in products started before variants. */
  variants?: ProductVariant[];
  shopId?: string;
  /** The demand gate, from the poll's close on, for products with a demand goal. */
  demand?: DemandState;
  /** Set when the run started with the ON_SALE lifecycle: launch moves the product to ON_SALE, not LAUNCHED. */
  sellsAfterLaunch?: boolean;
  /** From the launch on, for products that go ON_SALE. */
  sales?: SalesState;
}

/** Who a product can be waiting for (null: nobody, the product is final). */
export const PENDING_ACTION_BY = ['fans', 'staff', 'influencer', 'engine'] as const;

/** What the product is waiting for, and from whom. */
export interface PendingAction {
  by: (typeof PENDING_ACTION_BY)[number] | null;
  action: string;
  description: string;
}

export type ProductView = ProductState & { pendingAction: PendingAction };

export * from './event-types';

export type { ProductionMilestone, ReviewDecision, Stage };
