// The automatic screen every poll question and option passes before anyone sees it: English profanity
// (obscenity's maintained English dataset), the zh-CN list (word-lists/zh-CN.ts), the incubator's own terms,
// links and contact details. It says why, per field; the influencer's approval comes after it.

import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { findContactDetails } from './contact';
import { compact, hasHan, joinSpacedLetters, normalise } from './normalise';
import { zhCnTerms } from './word-lists/zh-CN';

/** Why one field is refused: `field` names it as the request does (`poll.options[1].label`). */
export interface ScreenRefusal {
  field: string;
  reasons: string[];
}

export interface PollText {
  question?: string;
  options: { label: string; description?: string }[];
}

let english: RegExpMatcher | undefined;
let chinese: string[] | undefined;

function englishMatcher(): RegExpMatcher {
  english ??= new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  return english;
}

function chineseTerms(): string[] {
  chinese ??= zhCnTerms().map((t) => compact(normalise(t)));
  return chinese;
}

/** A term as the screen compares it (stored so in the incubator's terms table); '' when nothing is left. */
export function normaliseTerm(term: string): string {
  const n = normalise(term);
  return hasHan(n) ? compact(n) : n.replace(/[^\p{L}\p{N} ]/gu, '').trim();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class ModerationScreen {
  private readonly hanTerms: string[];
  private readonly wordTerms: { term: string; pattern: RegExp }[];

  /** `customTerms`: the incubator's own, normalised (normaliseTerm). */
  constructor(customTerms: readonly string[] = []) {
    this.hanTerms = customTerms.filter((t) => t && hasHan(t));
    // Latin terms match whole words (a custom "ass" must not refuse "class"), also when spelt letter by letter.
    this.wordTerms = customTerms
      .filter((t) => t && !hasHan(t))
      .map((term) => ({ term, pattern: new RegExp(`(?<![\\p{L}\\p{N}])${term.split(' ').map(escape).join('[\\s\\p{P}]*')}(?![\\p{L}\\p{N}])`, 'u') }));
  }

  /** Why the text is refused (empty: it passes). */
  screenText(text: string): string[] {
    const reasons: string[] = [];
    const normal = normalise(text);
    const joined = joinSpacedLetters(normal);
    const dense = compact(normal);

    const matcher = englishMatcher();
    const words = new Set<string>();
    for (const variant of new Set([normal, joined])) {
      for (const m of matcher.getAllMatches(variant, true)) words.add(englishDataset.getPayloadWithPhraseMetadata(m).phraseMetadata?.originalWord ?? 'a blocked word');
    }
    const han = chineseTerms().filter((term) => dense.includes(term));
    // 他妈的 matches 他妈 and 妈的 too: the longest says it.
    for (const term of han) if (!han.some((other) => other !== term && other.includes(term))) words.add(term);
    for (const w of words) reasons.push(`contains a blocked word ("${w}")`);

    const custom = new Set<string>();
    for (const term of this.hanTerms) if (dense.includes(term)) custom.add(term);
    for (const { term, pattern } of this.wordTerms) if (pattern.test(normal) || pattern.test(joined)) custom.add(term);
    for (const t of custom) reasons.push(`contains a term the incubator blocks ("${t}")`);

    reasons.push(...findContactDetails(normal));
    return reasons;
  }

  /** Every refused field of a poll's text; `prefix` is the request's path to it ('poll.' at creation, '' for an edit). */
  screenPoll(poll: PollText, prefix = ''): ScreenRefusal[] {
    const refusals: ScreenRefusal[] = [];
    const check = (field: string, text: string | undefined) => {
      if (!text) return;
      const reasons = this.screenText(text);
      if (reasons.length > 0) refusals.push({ field: `${prefix}${field}`, reasons });
    };
    check('question', poll.question);
    poll.options.forEach((o, i) => {
      check(`options[${i}].label`, o.label);
      check(`options[${i}].description`, o.description);
    });
    return refusals;
  }
}
