// The automatic moderation screen for what fans will see (poll questions and options): word lists for en
// and zh-CN, the incubator's own terms, links and contact details. Pure: the API loads the terms.
export { findContactDetails, type ContactFinding } from './contact';
export { compact, joinSpacedLetters, normalise } from './normalise';
export { ModerationScreen, normaliseTerm, type PollText, type ScreenRefusal } from './screen';
export { ZH_CN_LIST_VERSION, zhCnTerms } from './word-lists/zh-CN';
