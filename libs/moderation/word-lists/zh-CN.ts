// The zh-CN word list the screen refuses. No maintained zh-CN list exists on npm (checked 2026-12):
// `naughty-words` packages the human-written LDNOOBW list (CC-BY-4.0), whose maintainers stopped in 2023, and
// `@2toad/profanity`'s zh list is a machine translation of its English one (皮肤 "skin", 质量 "quality", 爱
// "love"), unusable. So the base is LDNOOBW's zh list as `naughty-words@1.2.0` froze it (pinned exactly),
// shaped by this versioned file: the rules and lists below change only with ZH_CN_LIST_VERSION, and staff add
// incubator-specific terms at run time (POST /moderation/terms).

import ldnoobwZh from 'naughty-words/zh.json';
import { hasHan } from '../normalise';

/** Bump with any change below; the README names the current one. */
export const ZH_CN_LIST_VERSION = '2026.12.1';

/**
 * Entries dropped from the base list, each an ordinary word in product and fashion text: 成人 (adult, as in
 * adult sizes), 私服 (everyday outfits), 激情 (passion, a colour name), 处女 (Virgo, 处女座 collections), 月经
 * (period underwear), 靠背 (backrest), 刚度 (stiffness), 祖宗, 笨蛋 and 老二 (mild or family words), 肥西 (a
 * county), 九游 (a game store). Single characters are dropped by rule (see zhCnTerms).
 */
export const ZH_CN_EXCLUDED: readonly string[] = ['成人', '私服', '激情', '处女', '月经', '靠背', '刚度', '祖宗', '笨蛋', '老二', '肥西', '九游'];

/** Abuse, solicitation and illegal trade the base list lacks (mainland usage). */
export const ZH_CN_ADDED: readonly string[] = [
  '草泥马',
  '尼玛',
  '卧槽',
  '我操',
  '脑残',
  '智障',
  '傻屄',
  '装逼',
  '二逼',
  '牛逼',
  '滚蛋',
  '去死',
  '赌博',
  '博彩',
  '裸聊',
  '约炮',
  '援交',
  '毒品',
  '代孕',
  '办证',
  '刷单',
];

/**
 * The terms in force. A single Chinese character is part of too many ordinary words to refuse on its own
 * (乳白 "milk white", 奶茶色 "milk-tea colour", 性价比 "value for money", 柒 the numeral seven), and an entry
 * without a Chinese character ("13.") would refuse sizes and prices: both are dropped from the base list.
 */
export function zhCnTerms(): string[] {
  const excluded = new Set(ZH_CN_EXCLUDED);
  const base = ldnoobwZh.filter((w) => hasHan(w) && [...w].length > 1 && !excluded.has(w));
  return [...new Set([...base, ...ZH_CN_ADDED])];
}
