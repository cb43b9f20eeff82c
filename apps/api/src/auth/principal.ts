// Who is calling: resolved from the API key by the auth guard and attached to the request.
import type { ApiKeyRole } from '@app/database';
import type { Actor } from '@app/domain';

export interface Principal {
  keyId: string;
  role: ApiKeyRole;
  /** Set for influencer keys: the only influencer whose products the key may see and act on. */
  influencerId: string | null;
  /** Set for a staff key that belongs to a staff member: the person its actions are done by. */
  staffMemberId: string | null;
  label: string;
}

export function actorOf(p: Principal): Actor {
  return p.role === 'influencer'
    ? { kind: 'influencer', id: p.influencerId!, label: p.label }
    : { kind: 'staff', id: p.keyId, label: p.label };
}
