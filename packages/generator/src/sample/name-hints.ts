import type { PersonalDataKind } from '@synoptic/contract';

// What a column's name suggests, in the spellings of the languages we generate (en, de, fr, es)
// and the usual abbreviations. Names are compared as snake_case words: `CustomerEMail`,
// `customer-email` and `customer_email` all end with the word `email`.

/** A column name's lower-case words: `firstName` → [first, name], `E-Mail Adresse` → [e, mail, adresse]. */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

// `=word` matches the whole name only (a column called `name`, not `product_name`); other spellings
// match the last words of the name, or its end when written as one word of five letters or more.
// A `null` kind marks names that look personal but are not (mac_address is not a street).
const PERSON_WORDS =
  'customer client person contact display employee patient member holder owner guest student recipient sender buyer kunde kunden';
const SPELLINGS: Array<[PersonalDataKind | null, string]> = [
  ['first_name', 'first_name firstname fname given_name givenname forename vorname prenom =nombre =first'],
  [
    'last_name',
    'last_name lastname lname surname family_name familyname nachname apellido apellidos =nom =last',
  ],
  [
    'full_name',
    `=name full_name fullname nombre_completo nom_complet cardholder account_holder ${PERSON_WORDS.split(' ')
      .map((w) => `${w}_name`)
      .join(' ')}`,
  ],
  [
    'email',
    'email e_mail mail email_address mail_address correo correo_electronico courriel emailadresse mailadresse',
  ],
  [
    'phone',
    'phone phone_number phonenumber tel telephone telefon telefono telephone_number mobile mobile_number cell cellphone handy msisdn movil fax portable',
  ],
  [
    'street_address',
    'address street street_address address_line address_line_1 address_line1 address1 addr adresse anschrift strasse direccion calle rue domicilio',
  ],
  ['full_address', 'full_address mailing_address postal_address direccion_completa'],
  [
    'postcode',
    'zip zipcode zip_code postcode post_code postal_code postalcode plz postleitzahl =cp code_postal codigo_postal',
  ],
  ['ip_address', 'ip ip_address ipaddress ip_addr ipv4 ipv6 remote_addr'],
  ['iban', 'iban'],
  [
    'card_number',
    'card card_number cardnumber card_no =cc cc_number ccnum credit_card creditcard credit_card_number =pan kreditkarte kartennummer tarjeta numero_tarjeta',
  ],
  [
    'national_id',
    'ssn social_security social_security_number national_id national_insurance_number nino tax_id taxid steuer_id steuernummer nif dni nie insee passport passport_number personalausweis id_card',
  ],
  [
    'birth_date',
    'dob birth birthday birthdate birth_date date_of_birth born geburtsdatum geburtstag fecha_nacimiento fecha_de_nacimiento date_naissance date_de_naissance naissance',
  ],
  [
    'identifier',
    'username user_name login user_login screen_name handle account_number account_no customer_number member_number kundennummer benutzername',
  ],
  [null, 'mac_address web_address url wallet_address email_domain card_type card_brand cell_type ip_version'],
];

type Spelling = { kind: PersonalDataKind | null; words: string[]; exact: boolean; joined: string };

const spellings: Spelling[] = SPELLINGS.flatMap(([kind, list]) =>
  list.split(' ').map((s) => {
    const exact = s.startsWith('=');
    const words = (exact ? s.slice(1) : s).split('_');
    return { kind, words, exact, joined: words.join('') };
  }),
);

function matches(s: Spelling, words: string[]): boolean {
  if (s.exact) return words.join('_') === s.words.join('_');
  const tail = words.slice(-s.words.length);
  if (tail.length === s.words.length && tail.every((w, i) => w === s.words[i])) return true;
  return s.joined.length >= 5 && words.join('').endsWith(s.joined);
}

/** The personal data a column's name suggests (the longest matching spelling wins), or null. */
export function personalHintOf(name: string): PersonalDataKind | null {
  const words = nameWords(name);
  let best: Spelling | undefined;
  for (const s of spellings) {
    if (matches(s, words) && (!best || s.joined.length > best.joined.length)) best = s;
  }
  return best?.kind ?? null;
}

const ID_WORDS = new Set(['id', 'key', 'uuid', 'guid', 'pk', 'uid']);
/** `id`, `customer_id`, `CustomerID`, `order_key`, `uuid`: a name for a row's key. */
export const isIdName = (name: string) => ID_WORDS.has(nameWords(name).at(-1) ?? '');

const FLAG_FIRST = new Set('is has can should was did does allow allows'.split(' '));
const FLAG_WORDS = new Set(
  'active enabled disabled flag verified deleted subscribed churned optin paid valid approved confirmed consent visible archived blocked bool yn member premium default aktiv actif activo'.split(
    ' ',
  ),
);
/** `active`, `is_paid`, `hasChildren`, `churn_flag`: a name for a yes/no column. */
export function isFlagName(name: string): boolean {
  const words = nameWords(name);
  return FLAG_FIRST.has(words[0] ?? '') || words.some((w) => FLAG_WORDS.has(w));
}

const CODE_WORDS = new Set(
  'code type category cat class group status kind segment tier level grade region zone gender sex plan rating stage cluster label'.split(
    ' ',
  ),
);
/** `status_code`, `segment`, `Pclass`: a name for numbers that are codes of categories. */
export function isCodeName(name: string): boolean {
  const last = nameWords(name).at(-1) ?? '';
  return CODE_WORDS.has(last) || [...CODE_WORDS].some((w) => w.length >= 5 && last.endsWith(w));
}
