import { ModerationScreen, normaliseTerm } from './screen';

const screen = new ModerationScreen();
const reasons = (text: string, s = screen) => s.screenText(text);

describe('the moderation screen', () => {
  it('passes ordinary product text in English and Chinese', () => {
    for (const text of ['Linen midi dress', 'Class-A cotton, sizes 36-40', '乳白色连衣裙', '奶茶色针织衫', '性价比之选', '成人款 T 恤', '处女座限定', 'Drop 2026-12-01', '1.5m scarf', 'Scunthorpe wool coat']) {
      expect({ text, reasons: reasons(text) }).toEqual({ text, reasons: [] });
    }
  });

  it('refuses English profanity, also spelt with leetspeak, letter by letter or in full-width letters', () => {
    expect(reasons('Fuck this dress')).toEqual(['contains a blocked word ("fuck")']);
    expect(reasons('sh1t skirt')).toEqual(['contains a blocked word ("shit")']);
    expect(reasons('f u c k dress')).toEqual(['contains a blocked word ("fuck")']);
    expect(reasons('Ｆｕｃｋ dress')).toEqual(['contains a blocked word ("fuck")']);
  });

  it('refuses zh-CN words from the list and its supplement, also split by spaces, symbols or invisible characters', () => {
    expect(reasons('他妈的连衣裙')).toEqual(['contains a blocked word ("他妈的")']);
    expect(reasons('草泥马卫衣')).toEqual(['contains a blocked word ("草泥马")']);
    expect(reasons('傻 逼 款')).toEqual(['contains a blocked word ("傻逼")']);
    expect(reasons('傻*逼款')).toEqual(['contains a blocked word ("傻逼")']);
    expect(reasons('傻\u200B逼款')).toEqual(['contains a blocked word ("傻逼")']);
  });

  it('refuses links: with a scheme, www., bare domains, full-width and Chinese dots, spelt-out dots', () => {
    for (const text of ['see https://shop.example/x', 'www.example.com', 'buy at example.com', 'example。com', 'ｅｘａｍｐｌｅ．ｃｏｍ', 'example . cn', 'example dot com', '淘宝店 example点com']) {
      expect({ text, reasons: reasons(text) }).toEqual({ text, reasons: ['contains a link'] });
    }
  });

  it('refuses email addresses (also with full-width @ or "(at)") without calling them links too', () => {
    expect(reasons('write to mia@example.com')).toEqual(['contains an email address']);
    expect(reasons('mia＠example．com')).toEqual(['contains an email address']);
    expect(reasons('mia (at) example.com')).toEqual(['contains an email address']);
  });

  it('refuses phone numbers, with separators, a country code or in Chinese numerals, but not dates', () => {
    for (const text of ['call 138 0013 8000', '+86-138-0013-8000', '(021) 6123 4567', '一三八零零一三八零零零']) {
      expect({ text, reasons: reasons(text) }).toEqual({ text, reasons: ['contains a phone number'] });
    }
    expect(reasons('Autumn drop 2026.12.01')).toEqual([]);
  });

  it('refuses WeChat ids (and homophones used to evade) and asking fans to add a WeChat, and QQ numbers', () => {
    for (const text of ['微信: mia_style88', '加我vx mia2027', 'V信号 miastyle', 'WeChat id: mia-style', '威信 mia_style']) {
      expect({ text, reasons: reasons(text) }).toEqual({ text, reasons: ['contains a WeChat id'] });
    }
    expect(reasons('想要的加我微信')).toEqual(['contains a WeChat id']);
    expect(reasons('QQ 12345678')).toEqual(['contains a QQ number']);
    expect(reasons('扣扣：987654321')).toEqual(['contains a QQ number']);
  });

  it("refuses the incubator's own terms: Chinese ones inside words, Latin ones as whole words only", () => {
    const custom = new ModerationScreen([normaliseTerm('竞品牌'), normaliseTerm('Fast Fashion'), normaliseTerm('ASS')]);
    expect(reasons('不像竞 品 牌那样', custom)).toEqual(['contains a term the incubator blocks ("竞品牌")']);
    expect(reasons('Not fast-fashion', custom)).toEqual(['contains a term the incubator blocks ("fast fashion")']);
    expect(reasons('ＦＡＳＴ ＦＡＳＨＩＯＮ', custom)).toEqual(['contains a term the incubator blocks ("fast fashion")']);
    expect(reasons('class assignment', custom)).toEqual([]);
    expect(reasons('竞品牌', screen)).toEqual([]);
  });

  it('names every refused field of a poll with all its reasons', () => {
    const refused = screen.screenPoll(
      { question: 'Which one?', options: [{ label: 'Linen midi' }, { label: 'see example.com', description: 'mail mia@example.com or call 13800138000' }] },
      'poll.',
    );
    expect(refused).toEqual([
      { field: 'poll.options[1].label', reasons: ['contains a link'] },
      { field: 'poll.options[1].description', reasons: ['contains an email address', 'contains a phone number'] },
    ]);
  });
});

describe('normaliseTerm', () => {
  it('folds case and width, compacts Chinese terms and keeps the spaces of Latin ones', () => {
    expect(normaliseTerm('  Ｆａｓｔ   Fashion! ')).toBe('fast fashion');
    expect(normaliseTerm('竞 品·牌')).toBe('竞品牌');
    expect(normaliseTerm('***')).toBe('');
  });
});
