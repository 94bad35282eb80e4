import { describe, expect, it } from 'vitest';
import { booleanOfText, dateTextOf, isBooleanText } from './text-values.ts';

describe('yes/no text', () => {
  it('reads the words of several languages, in any case', () => {
    expect(['TRUE', 'yes', 'Y', 't', 'Ja', 'oui', 'sí', '1'].map(booleanOfText)).toEqual(Array(8).fill(true));
    expect(['false', 'No', 'n', 'F', 'nein', 'non', '0'].map(booleanOfText)).toEqual(Array(7).fill(false));
    expect(booleanOfText('maybe')).toBeUndefined();
  });

  it('takes 1/0 for a flag only when the name says so, and never mixes two pairs', () => {
    expect(isBooleanText(['1', '0'], false)).toBe(false);
    expect(isBooleanText(['1', '0'], true)).toBe(true);
    expect(isBooleanText(['Yes', 'NO'], false)).toBe(true);
    expect(isBooleanText(['yes'], false)).toBe(true);
    expect(isBooleanText(['yes', 'false'], false)).toBe(false);
  });
});

describe('dates written as text', () => {
  it('reads ISO dates and instants, applying their offsets', () => {
    const iso = dateTextOf(['2024-03-15', '2024-12-31']);
    expect(iso?.kind).toBe('date');
    expect(iso?.parse('2024-03-15')).toBe(Date.UTC(2024, 2, 15));
    const instants = dateTextOf(['2024-03-15T10:00:00+02:00', '2024-03-15 08:30:15.250Z']);
    expect(instants?.kind).toBe('datetime');
    expect(instants?.parse('2024-03-15T10:00:00+02:00')).toBe(Date.UTC(2024, 2, 15, 8));
    expect(instants?.parse('2024-03-15 08:30:15.250Z')).toBe(Date.UTC(2024, 2, 15, 8, 30, 15, 250));
  });

  it('takes day and month order from the column', () => {
    expect(dateTextOf(['03/04/2024', '03/25/2024'])?.parse('03/04/2024')).toBe(Date.UTC(2024, 2, 4));
    expect(dateTextOf(['03/04/2024', '25/03/2024'])?.parse('03/04/2024')).toBe(Date.UTC(2024, 3, 3));
    expect(dateTextOf(['03.04.2024'])?.parse('03.04.2024')).toBe(Date.UTC(2024, 3, 3));
    expect(dateTextOf(['03/04/2024'])?.parse('03/04/2024')).toBe(Date.UTC(2024, 2, 4));
  });

  it('reads 12-hour times', () => {
    const parsed = dateTextOf(['03/25/2024 2:05 PM', '03/25/2024 12:00 am']);
    expect(parsed?.parse('03/25/2024 2:05 PM')).toBe(Date.UTC(2024, 2, 25, 14, 5));
    expect(parsed?.parse('03/25/2024 12:00 am')).toBe(Date.UTC(2024, 2, 25, 0));
  });

  it('refuses columns of other values and days that do not exist', () => {
    expect(dateTextOf(['2024-03-15', 'soon', 'later'])).toBeUndefined();
    expect(dateTextOf(['31.04.2024', '30.02.2024'])).toBeUndefined();
    expect(dateTextOf(['12345', '1.5'])).toBeUndefined();
  });
});
