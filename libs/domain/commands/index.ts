// Every lifecycle command, keyed by its type: one file per command holds its validation and application.
// A command's input type, its Update (contract.ts) and the workflow's handler all derive from this record.

import { DomainErrorCode, refuse } from '../errors';
import type { Actor, LifecycleEvent, ProductState } from '../model';
import { isFinalStage } from '../stages';
import { approveLaunchAnnouncementCommand } from './approve-launch-announcement';
import { approvePollCommand } from './approve-poll';
import { approveRestockCommand } from './approve-restock';
import { cancelCommand } from './cancel';
import { cancelRestockCommand } from './cancel-restock';
import { closeDemandCommand } from './close-demand';
import { closePollCommand } from './close-poll';
import type { CommandHandler } from './command';
import { declineRestockCommand } from './decline-restock';
import { editPollOptionsCommand } from './edit-poll-options';
import { endSalesCommand } from './end-sales';
import { extendDemandCommand } from './extend-demand';
import { extendPollCommand } from './extend-poll';
import { overrideDemandCommand } from './override-demand';
import { recordRestockMilestoneCommand } from './record-restock-milestone';
import { recordMilestoneCommand } from './record-milestone';
import { recordSampleCommand } from './record-sample';
import { requestPollChangesCommand } from './request-poll-changes';
import { requestSampleCommand } from './request-sample';
import { reviewDesignCommand } from './review-design';
import { reviewSampleCommand } from './review-sample';
import { scheduleLaunchCommand } from './schedule-launch';
import { startProductionCommand } from './start-production';
import { submitDesignCommand } from './submit-design';

// The workflow registers the Updates in this order.
const COMMAND_RECORD = {
  CLOSE_POLL: closePollCommand,
  EXTEND_POLL: extendPollCommand,
  CANCEL: cancelCommand,
  SUBMIT_DESIGN: submitDesignCommand,
  REVIEW_DESIGN: reviewDesignCommand,
  RECORD_SAMPLE: recordSampleCommand,
  REVIEW_SAMPLE: reviewSampleCommand,
  START_PRODUCTION: startProductionCommand,
  RECORD_MILESTONE: recordMilestoneCommand,
  SCHEDULE_LAUNCH: scheduleLaunchCommand,
  APPROVE_LAUNCH_ANNOUNCEMENT: approveLaunchAnnouncementCommand,
  // The demand gate and the sales after launch (products started from the `on-sale` patch on).
  CLOSE_DEMAND: closeDemandCommand,
  EXTEND_DEMAND: extendDemandCommand,
  OVERRIDE_DEMAND: overrideDemandCommand,
  APPROVE_RESTOCK: approveRestockCommand,
  DECLINE_RESTOCK: declineRestockCommand,
  CANCEL_RESTOCK: cancelRestockCommand,
  RECORD_RESTOCK_MILESTONE: recordRestockMilestoneCommand,
  END_SALES: endSalesCommand,
  // Registered suppliers.
  REQUEST_SAMPLE: requestSampleCommand,
  // Poll moderation: the draft poll's options, approved by the influencer before the poll opens.
  EDIT_POLL_OPTIONS: editPollOptionsCommand,
  REQUEST_POLL_CHANGES: requestPollChangesCommand,
  APPROVE_POLL: approvePollCommand,
};

export type CommandType = keyof typeof COMMAND_RECORD;
/** What the caller sends with a command (the Update's `input`). */
export type CommandInput<T extends CommandType> = (typeof COMMAND_RECORD)[T] extends CommandHandler<infer I> ? I : never;
export type LifecycleCommand = { [T in CommandType]: { type: T } & CommandInput<T> }[CommandType];

/** The record typed per key, so that `COMMANDS[type]` with a generic `type` is that command's handler. */
export const COMMANDS: { [T in CommandType]: CommandHandler<CommandInput<T>> } = COMMAND_RECORD;

/** Every command type, in the record's order. */
export const COMMAND_TYPES = Object.keys(COMMANDS) as CommandType[];

/** Refuses the command (throws LifecycleRefusal) unless the product's stage and state accept it now. */
export function validateCommandInput<T extends CommandType>(state: ProductState, type: T, input: CommandInput<T>, nowMs: number): void {
  const command: CommandHandler<CommandInput<T>> = COMMANDS[type];
  if (isFinalStage(state.stage)) {
    refuse(DomainErrorCode.WrongStage, `product ${state.productId} is ${state.stage}; no further actions are accepted`);
  }
  if (command.stage !== 'ANY_ACTIVE' && state.stage !== command.stage) {
    refuse(DomainErrorCode.WrongStage, `product ${state.productId} is in ${state.stage}; ${command.action} is accepted only in ${command.stage}`);
  }
  command.validate(state, input, nowMs);
}

/** Applies an accepted command (validateCommandInput passed) and returns the events it produced. */
export function applyCommandInput<T extends CommandType>(state: ProductState, type: T, input: CommandInput<T>, actor: Actor, nowMs: number): LifecycleEvent[] {
  const command: CommandHandler<CommandInput<T>> = COMMANDS[type];
  return command.apply(state, input, actor, nowMs);
}

/** validateCommandInput for a command carrying its type. */
export function validateCommand(state: ProductState, cmd: LifecycleCommand, nowMs: number): void {
  validateCommandInput(state, cmd.type, cmd, nowMs);
}

/**
 * applyCommandInput for a command carrying its type. CLOSE_POLL and CLOSE_DEMAND are not applied here: they
 * need a tally first (see beginPollClose and applyPollTally, beginDemandClose and applyDemandTally).
 */
export function applyCommand(state: ProductState, cmd: Exclude<LifecycleCommand, { type: 'CLOSE_POLL' | 'CLOSE_DEMAND' }>, actor: Actor, nowMs: number): LifecycleEvent[] {
  return applyCommandInput(state, cmd.type, cmd, actor, nowMs);
}

export type { CommandHandler } from './command';
export { beginPollClose } from './close-poll';
export { ANNOUNCEMENT_LIMITS } from './approve-launch-announcement';
export { actionCount, actionLimit, DEFAULT_ACTION_LIMITS, type LimitedAction } from './action-limits';
