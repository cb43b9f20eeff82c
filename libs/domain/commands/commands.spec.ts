// Every command: the stage that accepts it, and nothing accepted once the product is final.

import { DomainErrorCode } from '../errors';
import { COMMAND_TYPES, COMMANDS } from '.';
import { ALL_COMMAND_TYPES, sampleCommand, STAGE_BOUND } from '../testing/command-samples';
import {
  ACTIVE_STAGES,
  APPROVING,
  DAY,
  driveTo,
  expectAccepted,
  expectRefused,
  iso,
  PRODUCT_ID,
  reserved,
  stockReport,
  type ActiveStage,
} from '../testing/lifecycle-driver';

describe('validateCommand: wrong stage', () => {
  it('refuses a design review while the product is in SAMPLING, naming the product and both stages', () => {
    const p = driveTo('SAMPLING');
    expectRefused(
      p,
      { type: 'REVIEW_DESIGN', round: 1, decision: 'APPROVE' },
      DomainErrorCode.WrongStage,
      'product p-123 is in SAMPLING; design review is accepted only in DESIGN',
    );
  });

  const wrongStageCases = STAGE_BOUND.flatMap((c) =>
    ACTIVE_STAGES.filter((s) => s !== c.stage).map((stage) => [c.name, stage as ActiveStage, c.type, c.stage] as const),
  );

  it.each(wrongStageCases)('refuses %s while the product is in %s, naming both stages (WRONG_STAGE)', (name, stage, type, allowed) => {
    const p = driveTo(stage);
    expectRefused(
      p,
      sampleCommand(type, p.now),
      DomainErrorCode.WrongStage,
      `product ${PRODUCT_ID} is in ${stage}; ${name} is accepted only in ${allowed}`,
    );
  });

  it.each(STAGE_BOUND.map((c) => [c.name, c.stage, c.type] as const))('accepts %s in %s', (_name, stage, type) => {
    const p = driveTo(stage, type === 'APPROVE_LAUNCH_ANNOUNCEMENT' ? APPROVING : undefined);
    if (type === 'RECORD_MILESTONE') p.act({ type: 'START_PRODUCTION', supplier: 's', dueDate: iso(p.now + DAY) });
    if (type === 'REVIEW_DESIGN') p.act({ type: 'SUBMIT_DESIGN', title: 't', description: 'd', imageUrls: [] });
    if (type === 'REVIEW_SAMPLE') p.act({ type: 'RECORD_SAMPLE', supplier: 's', notes: '', photoUrls: [] });
    if (type === 'OVERRIDE_DEMAND') p.closeDemand(reserved(1));
    if (['APPROVE_RESTOCK', 'DECLINE_RESTOCK', 'CANCEL_RESTOCK', 'RECORD_RESTOCK_MILESTONE'].includes(type)) p.report(stockReport(p.now, { s: [12, 12, 2], m: [17, 10, 1] }));
    if (type === 'CANCEL_RESTOCK' || type === 'RECORD_RESTOCK_MILESTONE') p.act({ type: 'APPROVE_RESTOCK', supplier: 's', dueDate: iso(p.now + DAY) });
    expectAccepted(p, sampleCommand(type, p.now));
  });

  const finalCases = (['LAUNCHED', 'ENDED', 'CANCELLED'] as const).flatMap((stage) => ALL_COMMAND_TYPES.map((type) => [type, stage] as const));

  it.each(finalCases)('refuses %s once the product is %s: final stages accept nothing (WRONG_STAGE)', (type, stage) => {
    const p = driveTo(stage);
    expect(p.state.stage).toBe(stage);
    expectRefused(p, sampleCommand(type, p.now), DomainErrorCode.WrongStage, `product ${PRODUCT_ID} is ${stage}; no further actions are accepted`);
  });
});

describe('the command record', () => {
  it('keeps every Update name that recorded histories and running products use, in the order the workflow registers them', () => {
    expect(COMMAND_TYPES.map((type) => [type, COMMANDS[type].update])).toEqual([
      ['CLOSE_POLL', 'closePoll'],
      ['EXTEND_POLL', 'extendPoll'],
      ['CANCEL', 'cancelProduct'],
      ['SUBMIT_DESIGN', 'submitDesign'],
      ['REVIEW_DESIGN', 'reviewDesign'],
      ['RECORD_SAMPLE', 'recordSample'],
      ['REVIEW_SAMPLE', 'reviewSample'],
      ['START_PRODUCTION', 'startProduction'],
      ['RECORD_MILESTONE', 'recordMilestone'],
      ['SCHEDULE_LAUNCH', 'scheduleLaunch'],
      ['APPROVE_LAUNCH_ANNOUNCEMENT', 'approveLaunchAnnouncement'],
      ['CLOSE_DEMAND', 'closeDemand'],
      ['EXTEND_DEMAND', 'extendDemand'],
      ['OVERRIDE_DEMAND', 'overrideDemand'],
      ['APPROVE_RESTOCK', 'approveRestock'],
      ['DECLINE_RESTOCK', 'declineRestock'],
      ['CANCEL_RESTOCK', 'cancelRestock'],
      ['RECORD_RESTOCK_MILESTONE', 'recordRestockMilestone'],
      ['END_SALES', 'endSales'],
      ['REQUEST_SAMPLE', 'requestSample'],
      ['EDIT_POLL_OPTIONS', 'editPollOptions'],
      ['REQUEST_POLL_CHANGES', 'requestPollChanges'],
      ['APPROVE_POLL', 'approvePoll'],
    ]);
  });
});
