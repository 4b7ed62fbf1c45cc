import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findEmails, findPhones } from './personal-data.js';

const vector = <T>(name: string): T => JSON.parse(readFileSync(join(__dirname, '../../../tests/vectors', name), 'utf8')) as T;
const emailVectors = vector<{ valid: string[]; invalid: string[] }>('validator-email.json');
const mobileVectors = vector<Record<'fr-FR' | 'en-US' | 'de-DE' | 'en-GB', { valid: string[]; invalid: string[] }>>('validator-mobile.json');

const emails = (text: string) => {
  const found: string[] = [];
  findEmails(text, (start, end) => found.push(text.slice(start, end)));
  return found;
};
const phones = (text: string, insideLink: (offset: number) => boolean = () => false) => {
  const found: string[] = [];
  findPhones(text, insideLink, (start, end) => found.push(text.slice(start, end)));
  return found;
};

describe('findEmails', () => {
  it.each(emailVectors.valid)('flags the valid address %s inside a sentence, exactly', (address) => {
    expect(emails(`Écrivez-moi à ${address} avant vendredi.`)).toEqual([address]);
  });

  it('flags an address at the end of a sentence without the full stop', () => {
    expect(emails('Contact : jean.dupont@acme.fr.')).toEqual(['jean.dupont@acme.fr']);
  });

  it('flags an address in parentheses, after a colon or in a mailto link', () => {
    expect(emails('(a@b.fr) mail:c@d.com mailto:e@f.org')).toEqual(['a@b.fr', 'c@d.com', 'e@f.org']);
  });

  // validator.js invalid cases that are not addresses in free text either: no local part, no
  // host, a one-letter TLD, an underscore host, dots in the wrong place, a local part over 64
  // or a host over 253 characters, lone surrogates. The others (a trailing dot, a space inside
  // the TLD, a full-width host) still contain an address-like string that a reader would
  // take for an address, so a privacy warning on them is right and they are not asserted here.
  const NOT_ADDRESSES = [
    'invalidemail@',
    'invalid.com',
    '@invalid.com',
    'foo@_bar.com',
    'z@co.c',
    'multiple..dots@stillinvalid.com',
    'gmail...ignores...dots...@gmail.com',
    'ends.with.dot.@gmail.com',
    'multiple..dots@gmail.com',
    'wrong()[]",:;<>@@gmail.com',
    '"wrong()[]",:;<>@@gmail.com',
    '\ud800@example.com',
    '\udc00@example.com',
    ...emailVectors.invalid.filter((e) => e.length > 120),
  ];
  it.each(NOT_ADDRESSES)('does not flag %s', (text) => {
    expect(NOT_ADDRESSES.every((e) => emailVectors.invalid.includes(e))).toBe(true);
    expect(emails(`Voir ${text} merci`)).toEqual([]);
  });

  it('keeps looking after an @ at the very start of the text', () => {
    expect(emails('@acme écrivez à a@b.fr')).toEqual(['a@b.fr']);
  });

  it('does not flag handles, hashtags or prices', () => {
    expect(emails('Merci @acme et #team, 5 @ 10 € — rdv@ 14h')).toEqual([]);
  });

  it('handles 1 MB of @ without slowing down or throwing', () => {
    const text = 'a@'.repeat(500_000);
    expect(emails(text)).toEqual([]);
  });
});

describe('findPhones', () => {
  for (const [locale, { valid }] of Object.entries(mobileVectors)) {
    it.each(valid)(`flags the valid ${locale} mobile %s inside a sentence, exactly`, (number) => {
      expect(phones(`Appelez-moi au ${number} demain.`)).toEqual([number]);
    });
  }

  // validator.js "invalid" means "not a valid MOBILE number of that locale". The detector
  // looks for any phone number, so each invalid case is either not a phone number at all
  // (asserted unflagged) or a real number of another kind (asserted flagged, with the reason).
  const NOT_PHONES: Record<string, string> = {
    '061245789': 'fr: 9 digits after the trunk 0 is one too few',
    '+336124578980': 'fr: +33 takes exactly 9 digits',
    '+3361245789': 'fr: +33 takes exactly 9 digits',
    '564785': 'too short for any plan',
    '1437439210': 'North American area codes do not start with 1',
    '+10345672645': 'North American area codes do not start with 0',
    '11435213543': 'North American area codes do not start with 1',
    '1(067)362-8910': 'North American area codes do not start with 0',
    '1(167)362-8910': 'North American area codes do not start with 1',
    '+3365520145': 'fr: +33 takes exactly 9 digits',
    '34412345678': 'no plan has 11 digits starting 34 without a +',
    '1761234567': 'ten digits starting with 1 is no North American number',
    '+4912345678910': 'de: numbers starting 1 after +49 are mobiles 15x-17x only',
    '67699567': 'eight digits without a trunk or country code',
    '077389f8688': 'a letter inside: an identifier, not a number',
    '+07888814488': 'country codes do not start with 0',
    '442073456754': 'a country code without + is read only for mobiles (447…)',
  };
  const OTHER_PHONES: Record<string, string> = {
    '06124578980': '11 digits after a trunk 0: the German or British form (0612 is a Hesse area code)',
    '0112457898': 'French landline (Paris)',
    '0212457898': 'French landline',
    '0312457898': 'French landline',
    '0412457898': 'French landline',
    '0512457898': 'French landline',
    '0812457898': 'French special-rate number',
    '0912457898': 'French VoIP number',
    '+34612457898': 'Spanish mobile, E.164',
    '0123456789': 'French landline form (01 23 45 67 89)',
    '+2(267)362-8910': '+226 73 62 89 10 is a Burkina Faso number, E.164',
    '+4930405044550': 'Berlin landline',
    '14412345678': 'North American number (+1 441 is Bermuda)',
    '16212345678': 'North American number form',
    '16412345678': 'North American number (641, Iowa)',
    '17012345678': 'North American number (701, North Dakota)',
    '+49015123456789': 'German mobile with the trunk 0 wrongly kept after +49',
    '015345678910': 'German number form, 0 + 11 digits',
    '015412345678': 'German number form, 0 + 11 digits',
    '0773894868': 'ten digits after a trunk 0: the French form',
    '0152456999': 'ten digits after a trunk 0: the French form',
    '+443003434751': 'UK non-geographic 03 number',
    '05073456754': 'UK number form, 0 + 10 digits',
    '08001123123': 'UK freephone',
    '07043425232': 'UK personal number',
    '01273884231': 'UK landline (Brighton)',
    '03332654034': 'UK non-geographic 03 number',
  };

  it('classifies every validator.js invalid case exactly once', () => {
    const invalid = Object.values(mobileVectors).flatMap((v) => v.invalid);
    expect([...Object.keys(NOT_PHONES), ...Object.keys(OTHER_PHONES)].sort()).toEqual([...new Set(invalid)].sort());
  });

  it.each(Object.entries(NOT_PHONES))('does not flag %s (%s)', (number) => {
    expect(phones(`Appelez-moi au ${number} demain.`)).toEqual([]);
  });

  it.each(Object.entries(OTHER_PHONES))('flags %s (%s)', (number) => {
    expect(phones(`Appelez-moi au ${number} demain.`)).toEqual([number]);
  });

  it.each([
    '06 12 34 56 78',
    '06.12.34.56.78',
    '06-12-34-56-78',
    '+33 6 12 34 56 78',
    '+33 (0)6 12 34 56 78',
    '+33\u00a06\u00a012\u00a034\u00a056\u00a078',
    '0033 6 12 34 56 78',
    '+14155552671',
    '(415) 555-2671',
    '415-555-2671',
    '415.555.2671',
    '+1 415 555 2671',
    '07700 900123',
    '+44 7700 900123',
    '+44 (0)20 7946 0018',
    '020 7946 0018',
    '0151 23456789',
    '+49 151 23456789',
    '030 12345678',
    '+32 470 12 34 56',
  ])('flags the format %s', (number) => {
    expect(phones(`Tél. ${number}, merci`)).toEqual([number]);
  });

  it('flags a number in parentheses, after a colon or at the end of a sentence', () => {
    expect(phones('(06 12 34 56 78) Tel:+33612345678 appelez le 0612345678.')).toEqual(['06 12 34 56 78', '+33612345678', '0612345678']);
  });

  it.each([
    'le 29/11/2026',
    'le 29.11.2026',
    'le 29.11.2026 14:30',
    'le 05.06.2026 10 h',
    '2026-11-29 14:30',
    'à 14h30',
    'prix 1 234,56 €',
    'budget € 1 234 567 890',
    'CA de 2 345 678 901 €',
    'CA de 2 345 678 901 euros',
    '$1,299.99',
    '1,234,567.89',
    'en 2026',
    'de 2020 2021 2022',
    'version 10.0.19045',
    'v1.2.3',
    'IBAN FR76 3000 6000 0112 3456 7890 189',
    'carte 4970 1012 3456 7890',
    'ISBN 978-2-07-036822-8',
    '+25 000 000 abonnés',
    'SIREN 123 456 789',
    '5 000 000 000 vues',
    'réf. #0612345678',
    'id=0612345678',
    'hausse de 12,5 %',
  ])('does not flag %s', (text) => {
    expect(phones(`${text} ok`)).toEqual([]);
  });

  it('flags each number of a list written with / or , between them', () => {
    expect(phones('Tél. 0612345678/0712345678, fax 0123456789,0198765432.')).toEqual(['0612345678', '0712345678', '0123456789', '0198765432']);
  });

  it('does not flag order numbers inside links', () => {
    const text = 'Commande : https://shop.example.com/order/0612345678 ok';
    const link = { start: text.indexOf('https'), end: text.indexOf(' ok') };
    expect(phones(text, (o) => o >= link.start && o < link.end)).toEqual([]);
  });

  it('does not carve a phone number out of a longer run of digit groups', () => {
    expect(phones('12 34 56 78 90 12 34 56 78 90 12 34')).toEqual([]);
  });

  it('scans 1 MB of digit groups without throwing (the run is skipped whole)', () => {
    expect(phones('06 12 '.repeat(200_000))).toEqual([]);
  });
});
