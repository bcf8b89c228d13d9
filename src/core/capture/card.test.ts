import { describe, expect, it } from 'vitest';
import { cardBundle, readCardFields } from './card';

describe('readCardFields', () => {
  it('splits a clean card into its six fields', () => {
    expect(
      readCardFields(
        'Northwind Labs\nPriya Raman\nEngineering Manager\npriya.raman@northwind-labs.example\n+1 (415) 555-0123\nwww.northwind-labs.example\n',
      ),
    ).toEqual({
      name: 'Priya Raman',
      title: 'Engineering Manager',
      company: 'Northwind Labs',
      email: 'priya.raman@northwind-labs.example',
      phone: '+14155550123',
      website: 'www.northwind-labs.example',
    });
  });

  it('mends OCR damage around the @ and labels before numbers', () => {
    const f = readCardFields(
      'Siobhán O’Connell\nStaff Engineer\nE: siobhan. oconnell @ northwind-labs. example\nMobile: 415.555.0188\n',
    );
    expect(f.email).toBe('siobhan.oconnell@northwind-labs.example');
    expect(f.phone).toBe('+14155550188');
    expect(f.name).toBe('Siobhán O’Connell');
  });

  it('takes the company from a line that spells the email domain', () => {
    const f = readCardFields('Meera Iyer\nHarbourline\nmeera@harbourline.example');
    expect(f.company).toBe('Harbourline');
  });

  it('makes a one-contact bundle, or a skipped entry when nothing could be read', () => {
    const b = cardBundle(readCardFields('Priya Raman\npriya@northwind.example'));
    expect(b.contacts).toMatchObject([
      { displayName: 'Priya Raman', emails: ['priya@northwind.example'], source: 'card' },
    ]);
    expect(cardBundle(readCardFields('~~ ## ~~')).skipped).toEqual([
      { reason: 'no name, email or phone could be read from the card' },
    ]);
  });
});
