// What a non-staff caller's answer loses: the Temporal UI link and staff keys' labels, wherever they are.
import { withoutStaffDetails } from './staff-details';

describe('withoutStaffDetails', () => {
  it('drops the Temporal UI link and staff labels at any depth, keeping everything else', () => {
    const staff = { kind: 'staff', id: 'key-1', label: "Anna's laptop" };
    const influencer = { kind: 'influencer', id: 'inf-1', label: "Mia's phone" };
    const answer = {
      id: 'p-1',
      links: { self: '/products/p-1', timeline: '/products/p-1/timeline', temporalUi: 'http://127.0.0.1:8233/x' },
      createdBy: staff,
      designs: [{ round: 1, submittedBy: staff, reviewedBy: influencer }],
      events: [{ seq: 1, actor: staff, data: { previous: { approvedBy: staff } } }],
      poll: { options: [{ id: 'a', label: 'Linen midi' }] },
    };
    expect(withoutStaffDetails(answer)).toEqual({
      id: 'p-1',
      links: { self: '/products/p-1', timeline: '/products/p-1/timeline' },
      createdBy: { kind: 'staff', id: 'key-1' },
      designs: [{ round: 1, submittedBy: { kind: 'staff', id: 'key-1' }, reviewedBy: influencer }],
      events: [{ seq: 1, actor: { kind: 'staff', id: 'key-1' }, data: { previous: { approvedBy: { kind: 'staff', id: 'key-1' } } } }],
      poll: { options: [{ id: 'a', label: 'Linen midi' }] },
    });
    // The answer it was given is left as it was.
    expect(answer.createdBy.label).toBe("Anna's laptop");
  });

  it('passes on what is not a plain object untouched', () => {
    const png = Buffer.from([0x89, 0x50]);
    expect(withoutStaffDetails(png)).toBe(png);
    expect(withoutStaffDetails('<html></html>')).toBe('<html></html>');
    expect(withoutStaffDetails(null)).toBeNull();
    expect(withoutStaffDetails(7)).toBe(7);
  });
});
