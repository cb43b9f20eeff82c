// One social update for one platform: the event's template in the influencer's language and tone, the
// keyword tag and the influencer's signature hashtags, the sponsorship disclosure, fitted to the
// platform's limits, and scored.

import { scorePost, type DensityTarget, type OptimisationScore } from './optimizer';
import type { Platform, PlatformLimits } from './platforms';
import { renderTemplate, type SocialEvent, type TemplateChoice, type TemplateVars } from './templates';
import { hashtagFor, length, truncate } from './text';

export interface ComposeInput {
  event: SocialEvent;
  vars: TemplateVars;
  keyword: string;
  choice: TemplateChoice;
  platform: Platform;
  limits: PlatformLimits;
  signatureHashtags?: string[];
  sponsored?: boolean;
  density?: DensityTarget;
  /** Text the influencer approved word for word (the launch announcement): used instead of the template. */
  approved?: { title: string; body: string };
  /** A paragraph the engine adds after the body (the launch's note to reservation holders). */
  note?: string;
}

export interface ComposedUpdate {
  platform: Platform;
  title: string;
  body: string;
  hashtags: string[];
  /** The post as it goes out: disclosure, (title,) body and hashtags, within the platform's limits. */
  text: string;
  truncated: boolean;
  optimisation: OptimisationScore;
}

function dedupe(tags: string[]): string[] {
  const seen = new Set<string>();
  return tags.map(hashtagFor).filter((t) => t.length > 1 && !seen.has(t) && (seen.add(t), true));
}

export function composeUpdate(input: ComposeInput): ComposedUpdate {
  const { limits } = input;
  const template = renderTemplate(input.event, input.vars, input.choice);
  const chosen = input.approved ? { ...template, ...input.approved } : template;
  const rendered = input.note ? { ...chosen, body: `${chosen.body}\n\n${input.note}` } : chosen;
  // Keyword tag first (it carries search), then the influencer's signature tags, then the event's own.
  let hashtags = dedupe([input.keyword, ...(input.signatureHashtags ?? []), ...rendered.hashtags]).slice(0, limits.hashtagMax);
  const disclosure = input.sponsored ? limits.disclosure[input.choice.language] : '';
  let title = rendered.title;
  let body = rendered.body;
  let truncated = false;

  if (limits.titleMax > 0 && length(title) > limits.titleMax) {
    title = truncate(title, limits.titleMax);
    truncated = true;
  }
  const assemble = () => [disclosure, limits.titleMax === 0 ? title : '', body, hashtags.join(' ')].filter(Boolean).join('\n\n');
  // Over the limit: shorten the body first, then drop hashtags after the keyword tag, then the title.
  if (length(assemble()) > limits.bodyMax) {
    truncated = true;
    const room = limits.bodyMax - (length(assemble()) - length(body));
    if (room >= 20) body = truncate(body, room);
    while (length(assemble()) > limits.bodyMax && hashtags.length > 1) hashtags = hashtags.slice(0, -1);
    if (length(assemble()) > limits.bodyMax) {
      body = truncate(body, Math.max(1, limits.bodyMax - (length(assemble()) - length(body))));
    }
    if (length(assemble()) > limits.bodyMax && limits.titleMax === 0) {
      title = truncate(title, Math.max(1, limits.bodyMax - (length(assemble()) - length(title))));
    }
  }
  const post = { title, body, hashtags };
  return {
    platform: input.platform,
    ...post,
    text: assemble(),
    truncated,
    optimisation: scorePost(post, input.keyword, { language: input.choice.language, density: input.density, withinLimits: !truncated }),
  };
}
