import type { PersonalDataKind, ProfiledType, SampleFormat } from '@synoptic/contract';
import { formatCount } from '@/features/jobs/job-format';
import { outputFormats } from '@/features/projects/use-projects';

export function sampleFormatLabel(format: SampleFormat): string {
  return outputFormats.find((option) => option.value === format)?.label ?? format;
}

/** "1,000 rows × 12 columns"; undefined until profiling has counted them. */
export function formatSampleShape(rows: number | null, columns: number | null): string | undefined {
  if (rows === null || columns === null) return undefined;
  return `${formatCount(rows)} ${rows === 1 ? 'row' : 'rows'} × ${formatCount(columns)} ${columns === 1 ? 'column' : 'columns'}`;
}

/** "12.5%", "0%", "< 0.1%": a tiny share of empty values is still worth seeing. */
export function formatShare(share: number): string {
  if (share === 0) return '0%';
  if (share < 0.001) return '< 0.1%';
  const percent = share * 100;
  return `${Number.isInteger(Math.round(percent * 10) / 10) ? Math.round(percent) : percent.toFixed(1)}%`;
}

export const profiledTypeLabels: Record<ProfiledType, string> = {
  integer: 'Whole number',
  decimal: 'Decimal number',
  boolean: 'True or false',
  category: 'Category',
  date: 'Date',
  datetime: 'Date and time',
  text: 'Free text',
  identifier: 'Identifier',
};

export const personalDataLabels: Record<PersonalDataKind, string> = {
  first_name: 'first name',
  last_name: 'last name',
  full_name: 'full name',
  email: 'email',
  phone: 'phone',
  street_address: 'street address',
  full_address: 'address',
  postcode: 'postcode',
  ip_address: 'IP address',
  iban: 'IBAN',
  card_number: 'card number',
  national_id: 'national id',
  birth_date: 'birth date',
  identifier: 'identifier',
};
