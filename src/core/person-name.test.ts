import { describe, expect, it } from 'vitest';
import { checkNote } from './checker/check';
import type { CheckInput } from './checker/types';
import { firstNameOf } from './drafts/render';
import { greetingNameOf, greetingNames, nameParts, surnamesOf } from './person-name';

const input = (displayName: string, body: string): CheckInput => ({
  body,
  kind: 'thank-you',
  recipient: { displayName, company: 'Northwind Labs', emails: ['x@northwind-labs.example'] },
  company: 'Northwind Labs',
  otherCompanies: [],
  knownPeople: [{ displayName }, { displayName: 'Wei Zhang' }],
  otherNotes: [],
  personalDetails: [],
  due: null,
  sendAt: '2026-12-02T10:00:00Z',
  speller: null,
});

describe('one name function for drafts, checker and vCards', () => {
  it('the drafter greets with the same name the checker accepts, for every name in the list', () => {
    for (const name of [
      'Li Wei',
      'Dr. Wen-Li Zhang',
      "Siobhán O'Connell",
      'Pieter van der Berg',
      'Niamh Ní Bhriain',
      'Bo',
    ]) {
      expect(firstNameOf(name)).toBe(greetingNameOf(name));
      const body = `Hi ${firstNameOf(name)},\n\nThanks for the chat.\n\nBest,\nAlex`;
      expect(checkNote(input(name, body)).filter((f) => f.rule === 'wrong-name')).toEqual([]);
    }
  });

  it('accepts any single word of a name whose order is unknown, and the whole name', () => {
    expect(greetingNames('Li Wei')).toEqual(['Li', 'Wei', 'Li Wei']);
    for (const greet of ['Li', 'Wei', 'Li Wei']) {
      const body = `Hi ${greet},\n\nThanks for the chat.\n\nBest,\nAlex`;
      expect(checkNote(input('Li Wei', body)).filter((f) => f.rule === 'wrong-name')).toEqual([]);
    }
    const wrong = checkNote(input('Li Wei', 'Hi Priya,\n\nThanks.\n\nBest,\nAlex'));
    expect(wrong.some((f) => f.rule === 'wrong-name')).toBe(true);
  });

  it('keeps particles with the surname', () => {
    expect(nameParts('Pieter van der Berg')).toEqual({ given: 'Pieter', surname: 'van der Berg' });
    expect(nameParts('Niamh Ní Bhriain')).toEqual({ given: 'Niamh', surname: 'Ní Bhriain' });
    expect(nameParts('Juan de la Cruz')).toEqual({ given: 'Juan', surname: 'de la Cruz' });
    expect(nameParts('Seán Mac Giolla')).toEqual({ given: 'Seán', surname: 'Mac Giolla' });
    expect(nameParts("Siobhán O'Connell")).toEqual({ given: 'Siobhán', surname: "O'Connell" });
    expect(nameParts('Madonna')).toEqual({ given: '', surname: 'Madonna' });
    expect(surnamesOf('Pieter van der Berg')).toEqual(['van der Berg']);
  });
});
