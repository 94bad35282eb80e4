import type { FieldSpec } from '@synoptic/contract';
import { addressField } from './address.fields.ts';
import { commerceField } from './commerce.fields.ts';
import { companyField } from './company.fields.ts';
import type { CompileEnv } from './compile-env.ts';
import { datetimeField } from './datetime.fields.ts';
import type { FieldGen } from './field-gen.ts';
import { idField } from './id.fields.ts';
import { learnedField } from './learned.fields.ts';
import { logicField } from './logic.fields.ts';
import { numberField } from './number.fields.ts';
import { personField } from './person.fields.ts';
import { referenceField } from './relation.fields.ts';
import { seriesField } from './series.fields.ts';
import { textField } from './text.fields.ts';

const factories = [
  personField,
  addressField,
  companyField,
  commerceField,
  idField,
  textField,
  datetimeField,
  numberField,
  logicField,
  referenceField,
  seriesField,
  learnedField,
];

/** Compiles one field spec into its generator. */
export function compileField(spec: FieldSpec, c: CompileEnv): FieldGen {
  for (const f of factories) {
    const gen = f(spec, c);
    if (gen) return gen;
  }
  throw new Error(`no generator for field type '${spec.type}'`);
}
