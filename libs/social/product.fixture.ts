// Fixtures of the social specs: a product as the workflow sees it (built by the domain itself, so the specs
// never hold a hand-written, drifting copy of the product view), and a closed poll's standings.
import { createProductState, toView, type ProductView } from '../domain';
import type { ShareCardInput } from './card';

/** A four-option poll result as cards and share pages show it (the winner first). */
export const CLOSED_POLL: NonNullable<ShareCardInput['poll']> = {
  totalVotes: 4821,
  options: [
    { label: 'Midi', votes: 2110, winner: true },
    { label: 'Wrap', votes: 1402 },
    { label: 'Slip', votes: 806 },
    { label: 'Shirt', votes: 503 },
  ],
};

export function productFixture(launchApprovalLeadMs?: number): ProductView {
  const { state } = createProductState(
    {
      productId: 'p-1',
      influencerId: 'inf-1',
      name: 'Summer Linen Midi',
      targetKeyword: 'linen dress',
      poll: {
        question: 'Which?',
        options: [
          { id: 'midi', label: 'Linen midi' },
          { id: 'wrap', label: 'Wrap dress' },
        ],
        closesAt: '2026-11-08T12:00:00.000Z',
        minVotes: 0,
      },
      rules: {
        designRoundLimit: 3,
        sampleRoundLimit: 3,
        reviewReminderAfterMs: 1,
        launchCountdownsMs: [],
        demand: { conversionRate: 1, minimumOrder: 1, batchSize: 1 },
        ...(launchApprovalLeadMs !== undefined ? { launchApprovalLeadMs } : {}),
      },
      createdBy: { kind: 'staff', id: 'staff-1' },
    },
    Date.parse('2026-11-01T10:00:00.000Z'),
  );
  return toView(state);
}
