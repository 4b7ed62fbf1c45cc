import { compileAlternation } from './alternation.js';

const agrees = (sources: readonly string[], subjects: readonly string[]) => {
  const factored = new RegExp(compileAlternation(sources), 'i');
  const joined = new RegExp(sources.join('|'), 'i');
  return subjects.filter((subject) => factored.test(subject) !== joined.test(subject));
};

describe('compileAlternation', () => {
  it('factors shared literal prefixes and gathers anchored sources under one caret', () => {
    expect(compileAlternation(['slackbot', 'slack-imgproxy', '^curl'])).toBe('slack(?:bot|-imgproxy)|^curl');
    expect(compileAlternation(['^curl', '^cobweb/'])).toBe('^c(?:url|obweb/)');
  });

  it('keeps a literal that is a prefix of another as an optional continuation', () => {
    expect(compileAlternation(['server', 'server density'])).toBe('server(?: density)?');
  });

  it('leaves a quantified last atom in the tail (`bots?` is `bot` + `s?`, not `bots` + `?`)', () => {
    expect(compileAlternation(['bots?x'])).toBe('bots?x');
    expect(compileAlternation(['bots?x', 'botz'])).toBe('bot(?:z|s?x)');
    expect(agrees(['bots?x', 'botz'], ['botx', 'botsx', 'botz', 'bo'])).toEqual([]);
  });

  it('treats escaped metacharacters as literal atoms and non-literal sources as whole alternatives', () => {
    const sources = ['mail\\.ru/', 'mail\\d', '(?:^|[^g])news', '\\bbw/', 'java(?!;)'];
    const subjects = ['mail.ru/x', 'mailxru/', 'mail7', 'gnews', 'news', 'a news', 'x bw/1', 'abw/', 'java;', 'javascript'];
    expect(agrees(sources, subjects)).toEqual([]);
  });

  it('returns an empty source for no sources', () => {
    expect(compileAlternation([])).toBe('');
  });
});
