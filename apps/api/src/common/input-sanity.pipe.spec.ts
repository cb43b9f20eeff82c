import { findInputProblem, MAX_INPUT_DEPTH } from './input-sanity.pipe';

describe('findInputProblem', () => {
  it('accepts ordinary text in every script, emoji (surrogate pairs) included', () => {
    expect(findInputProblem({ name: '亚麻连衣裙 Linen dress 👗', tags: ['été', 'ok'] })).toBeNull();
  });

  it('names the field that holds a NUL character, however deep', () => {
    expect(findInputProblem({ poll: { options: [{ label: 'a' }, { label: 'b\u0000' }] } })).toEqual({
      field: 'poll.options[1].label',
      message: 'poll.options[1].label must not contain NUL characters',
    });
  });

  it('refuses an unpaired high or low surrogate and accepts the pair', () => {
    expect(findInputProblem({ name: 'x\ud800' })?.field).toBe('name');
    expect(findInputProblem({ name: '\udc00x' })?.field).toBe('name');
    expect(findInputProblem({ name: '\ud83d\udc57' })).toBeNull();
  });

  it('refuses a NUL in a field name', () => {
    expect(findInputProblem({ ['a\u0000']: 1 })?.message).toMatch(/field name .*NUL/);
  });

  it('refuses nesting deeper than the limit and accepts it up to the limit', () => {
    const nest = (levels: number): unknown => (levels === 0 ? 1 : [nest(levels - 1)]);
    expect(findInputProblem(nest(MAX_INPUT_DEPTH))).toBeNull();
    expect(findInputProblem(nest(MAX_INPUT_DEPTH + 1))?.message).toMatch(/nested deeper than 32 levels/);
  });

  it('uses the parameter name for a path or query value', () => {
    expect(findInputProblem('\u0000', 'id')).toEqual({ field: 'id', message: 'id must not contain NUL characters' });
  });
});
