import { describe, expect, it } from 'vitest';
import { addressOf, isResourceAddress, isSharedMailbox, looseKey, reorderName } from './names';

describe('reorderName', () => {
  it.each([
    ['Okafor, Chinedu', 'Chinedu Okafor'],
    ['McAllister-Brown, Katherine', 'Katherine McAllister-Brown'],
    ['Nguyen, Thi Thu Trang', 'Thi Thu Trang Nguyen'],
    ["O'Connell, Siobhán", "Siobhán O'Connell"],
    ['King, Jr.', 'King, Jr.'],
    ['Diego Fernández-Ortiz', 'Diego Fernández-Ortiz'],
    ['Smith, Anne, PhD', 'Smith, Anne, PhD'],
    ['  Wen-Li   Zhang ', 'Wen-Li Zhang'],
  ])('%s → %s', (written, name) => {
    expect(reorderName(written)).toBe(name);
  });
});

describe('isSharedMailbox', () => {
  it('recognises function names and role addresses, not people', () => {
    expect(isSharedMailbox('talent@contoso-health.example', 'Talent Acquisition')).toBe(true);
    expect(isSharedMailbox('hr-team@x.example', null)).toBe(true);
    expect(isSharedMailbox('recruiting@x.example', 'recruiting@x.example')).toBe(true);
    expect(isSharedMailbox('recruiting@x.example', 'Dana Whitfield')).toBe(false);
    expect(isSharedMailbox('priya.raman@x.example', null)).toBe(false);
  });
});

describe('addresses', () => {
  it('reads mailto: in any case and recognises resource calendars', () => {
    expect(addressOf('MAILTO:Priya.Raman@Northwind-Labs.example')).toBe('priya.raman@northwind-labs.example');
    expect(addressOf('not an address')).toBeNull();
    expect(isResourceAddress('c_1889abcd@resource.calendar.google.com')).toBe(true);
    expect(isResourceAddress('priya@northwind.example')).toBe(false);
  });

  it('compares names without accents, case or punctuation', () => {
    expect(looseKey("Siobhán O'Connell")).toBe(looseKey('siobhan oconnell'));
  });
});
