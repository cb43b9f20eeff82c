// The AADs the signing secrets of people's contact webhooks are sealed with (SecretBox): a staff member's and
// an influencer's. A secret copied to another person's row, or between the two tables, does not open.

export function staffMemberWebhookSecretContext(staffMemberId: string): string {
  return `staff-member:${staffMemberId}:webhook`;
}

export function influencerContactWebhookSecretContext(influencerId: string): string {
  return `influencer:${influencerId}:contact-webhook`;
}
