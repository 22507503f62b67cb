/**
 * What an id may hold (src/claim/id-text.ts): printable text, a surrogate pair being one character
 * beyond U+FFFF; a control character or a lone surrogate is refused, and the refusal says which
 * code unit and where (docs/claim.md, "Errors"). The edges of each range are the cases here.
 */
import { describe, expect, it } from 'vitest';
import { idProblem, idProblemDetail } from '../../src/claim/id-text.js';

describe('an id is printable text: the edges of the control characters and of the surrogates', () => {
  it.each([
    ['plain text is an id', 'C-1', undefined],
    ['a space, the first printable character, is allowed', 'C 1', undefined],
    ['U+001F, the last control character below the space, is refused', 'C\u001f', 'control-character'],
    ['U+0000 is refused', 'C\u0000', 'control-character'],
    ['U+007E is allowed', 'C~', undefined],
    ['U+007F (delete) is refused', 'C\u007f', 'control-character'],
    ['U+D7FF, just below the surrogates, is allowed', 'C\ud7ff', undefined],
    ['U+E000, just above the surrogates, is allowed', 'C\ue000', undefined],
    ['the first pair, U+10000, is one character', 'C\ud800\udc00', undefined],
    ['the last pair, U+10FFFF, is one character', 'C\udbff\udfff', undefined],
    ['a lone high surrogate at the end is refused', 'SUR\ud800', 'lone-surrogate'],
    ['a lone U+DFFF, the last low surrogate, is refused', 'SUR\udfff', 'lone-surrogate'],
    ['two low surrogates are no pair', '\udc00\udc00', 'lone-surrogate'],
    ['a high surrogate followed by U+E000 is no pair', '\ud800\ue000', 'lone-surrogate'],
    ['a high surrogate followed by another high one is no pair', '\udbff\udbff', 'lone-surrogate'],
  ] as const)('%s', (_, id, problem) => {
    expect(idProblem(id)).toBe(problem);
  });
});

describe('the refusal names the code unit and its place, counted from 1 in UTF-16 units', () => {
  it.each([
    [
      'a control character after a pair (a pair counts two)',
      'C-\ud83d\ude00\u0001',
      '第 5 个字符 U+0001',
      'U+0001 at character 5',
    ],
    [
      'the second of two low surrogates is not reached: the first is lone',
      '\udc00\udc00',
      '第 1 个字符 U+DC00',
      'U+DC00 at character 1',
    ],
    ['a high surrogate followed by U+E000', 'A\ud800\ue000', '第 2 个字符 U+D800', 'U+D800 at character 2'],
    ['a lone U+DFFF', 'SUR\udfff', '第 4 个字符 U+DFFF', 'U+DFFF at character 4'],
    ['U+007F', '\u007f', '第 1 个字符 U+007F', 'U+007F at character 1'],
  ])('%s', (_, id, zh, en) => {
    expect([idProblemDetail(id, 'zh-CN'), idProblemDetail(id, 'en')]).toEqual([zh, en]);
  });

  it('says nothing of a valid id, a pair included', () => {
    expect([idProblemDetail('C-1', 'en'), idProblemDetail('C\ud83d\ude00', 'zh-CN')]).toEqual([undefined, undefined]);
  });
});
