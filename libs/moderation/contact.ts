// Links and contact details in normalised text (normalise.ts): fans must not be sent off the platform or
// handed a way to reach someone privately. Each finding is taken out of the text once found, so a WeChat id
// is reported as one and not again as a phone number, and an email address not again as a link.

export type ContactFinding = 'contains an email address' | 'contains a WeChat id' | 'contains a QQ number' | 'contains a link' | 'contains a phone number';

// Common and abused top-level domains; a bare "name.tld" with one of them is a link.
const TLDS = [
  'com', 'net', 'org', 'cn', 'io', 'co', 'me', 'app', 'shop', 'store', 'site', 'online', 'xyz', 'top', 'info', 'biz', 'link', 'ly',
  'tv', 'cc', 'hk', 'tw', 'mo', 'sg', 'jp', 'kr', 'uk', 'us', 'de', 'fr', 'vip', 'club', 'live', 'fun', 'ink', 'work', 'icu', 'tk', 'ru', 'in', 'au', 'ca', 'gl', 'gd', 'to', 'ai',
].join('|');

const EMAIL = /[\p{L}\p{N}._%+-]+ ?(?:@|\(at\)|\[at\]) ?[\p{L}\p{N}-]+(?: ?\. ?[\p{L}\p{N}-]+)*/gu;
// 微信 and the homophones used to slip past filters (威信, 薇信, V信, vx, wx), then an id: 6–20 letters, digits, _ or -.
const WECHAT = /(?:微信|威信|薇信|徽信|维信|維信|微訊|v信|(?<![a-z])vx|(?<![a-z])wx|wechat|weixin)(?: ?(?:号|號|id|:|：|是|=))* ?[a-z0-9][a-z0-9_-]{4,19}/gu;
// Asking fans to add a WeChat at all ("加我微信", "加v") is refused even without an id.
const WECHAT_ASK = /加(?:我)? ?(?:微信|威信|薇信|v信|vx|wx|v(?![a-z]))/gu;
const QQ = /(?:(?<![a-z])qq|扣扣|企鹅号?|q群)(?: ?(?:号|號|群|:|：|是|=))* ?\d(?:[ .-]?\d){4,11}/gu;
const SCHEME_LINK = /[a-z][a-z0-9+.-]*:\/\/\S+/gu;
const WWW_LINK = /(?<![\p{L}\p{N}])www ?\.\S+/gu;
const BARE_DOMAIN = new RegExp(`(?<![\\p{L}\\p{N}])(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])? ?\\. ?)+(?:${TLDS})(?![\\p{L}\\p{N}])`, 'gu');
// "name dot com", "name点com".
const SPELT_DOMAIN = new RegExp(`(?:(?<![a-z])dot |[点點] ?)(?:${TLDS})(?![\\p{L}\\p{N}])`, 'gu');
// Seven or more digits with only separators between them (also in Chinese numerals: 一三八…).
const PHONE = /\+?\d(?:[ ().-]*\d){6,}/gu;
const DATE = /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/;
const CHINESE_DIGITS: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 幺: '1' };

/** What contact details and links the text holds, each once, in the order found. */
export function findContactDetails(normalised: string): ContactFinding[] {
  const found = new Set<ContactFinding>();
  let text = normalised;
  const take = (pattern: RegExp, finding: ContactFinding, keep: (match: string) => boolean = () => false): void => {
    text = text.replace(pattern, (match) => {
      if (keep(match)) return match;
      found.add(finding);
      return ' ';
    });
  };
  take(EMAIL, 'contains an email address', (m) => !/\.[\p{L}]{2,}$/u.test(m.replace(/ /g, '')));
  take(WECHAT, 'contains a WeChat id');
  take(WECHAT_ASK, 'contains a WeChat id');
  take(QQ, 'contains a QQ number');
  take(SCHEME_LINK, 'contains a link');
  take(WWW_LINK, 'contains a link');
  take(BARE_DOMAIN, 'contains a link');
  take(SPELT_DOMAIN, 'contains a link');
  const digits = text.replace(/[〇零一二三四五六七八九幺]/g, (c) => CHINESE_DIGITS[c]);
  if ([...digits.matchAll(PHONE)].some((m) => !DATE.test(m[0].trim()))) found.add('contains a phone number');
  return [...found];
}
