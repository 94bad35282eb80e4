import type { FieldSpec, SampleColumnProfile, SampleProfile } from '@synoptic/contract';
import { Sparkles, Wand } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { formatCount } from '@/features/jobs/job-format';
import { catalogById } from '@/features/schema-builder/schema-model';
import { formatShare, personalDataLabels, profiledTypeLabels } from './sample-format';

// Below this, profiling says it guessed; the schema builder is where the guess is overridden.
const unsure = 0.6;

function SuggestedField({ field }: { field: FieldSpec }) {
  if (field.type === 'learned')
    return (
      <span className="inline-flex items-center gap-1">
        <Sparkles aria-hidden="true" className="size-3.5 text-muted-foreground" />
        Learned{field.as ? ` as ${profiledTypeLabels[field.as].toLowerCase()}` : ''}
      </span>
    );
  return (
    <span className="inline-flex items-center gap-1">
      <Wand aria-hidden="true" className="size-3.5 text-muted-foreground" />
      Generated: {catalogById.get(field.type)?.label ?? field.type}
    </span>
  );
}

function Range({ column }: { column: SampleColumnProfile }) {
  if (column.min === null && column.max === null) return <span className="text-muted-foreground">—</span>;
  if (column.min === column.max) return <span className="font-mono text-xs">{column.min}</span>;
  // One bound a line: timestamps are long, and a bound broken in two reads as two values.
  return (
    <span className="grid font-mono text-xs whitespace-nowrap">
      <span>{column.min ?? '…'}</span>
      <span>– {column.max ?? '…'}</span>
    </span>
  );
}

/** What profiling found in each column, and the field a synthetic twin starts from for it. */
export function SampleProfileTable({ profile }: { profile: SampleProfile }) {
  return (
    <div className="overflow-x-auto rounded-lg border">
      <table className="w-full text-sm" aria-label="Columns of the sample">
        <thead className="bg-muted/50 text-left text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Column
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Detected type
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Null %
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Distinct
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Min – max
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Examples
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Suggested field
            </th>
          </tr>
        </thead>
        <tbody>
          {profile.columns.map((column) => (
            <tr key={column.name} className="border-t align-top">
              <th scope="row" className="px-3 py-2.5 text-left font-normal">
                <span className="block font-mono text-sm font-medium whitespace-nowrap">{column.name}</span>
                {column.personalData && (
                  <Badge variant="warning" className="mt-1 whitespace-nowrap">
                    Personal data: {personalDataLabels[column.personalData]}
                  </Badge>
                )}
              </th>
              <td className="px-3 py-2.5 whitespace-nowrap">
                {profiledTypeLabels[column.type]}
                {column.confidence < unsure && (
                  <span
                    className="block text-xs text-muted-foreground"
                    title={`Confidence ${Math.round(column.confidence * 100)}%`}
                  >
                    a guess: check it
                  </span>
                )}
              </td>
              <td className="px-3 py-2.5 text-right tabular-nums">{formatShare(column.nullShare)}</td>
              <td className="px-3 py-2.5 text-right tabular-nums">{formatCount(column.distinct)}</td>
              <td className="px-3 py-2.5">
                <Range column={column} />
              </td>
              <td className="max-w-48 px-3 py-2.5">
                {column.examples.length > 0 ? (
                  <span className="block truncate font-mono text-xs" title={column.examples.join(', ')}>
                    {column.examples.join(', ')}
                  </span>
                ) : (
                  <span className="text-muted-foreground">—</span>
                )}
              </td>
              <td className="px-3 py-2.5 whitespace-nowrap">
                <SuggestedField field={column.suggested} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
