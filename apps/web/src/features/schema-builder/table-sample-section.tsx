import type { SampleQuality } from '@synoptic/contract';
import { FileSpreadsheet, ListRestart } from 'lucide-react';
import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';
import { qualityLevels, type SampleChoices, sampleOf } from './sample-model';
import type { TableDraft } from './schema-model';

/**
 * Which sample a table learns from and how closely: choosing a sample makes the table a synthetic
 * twin (its "From the sample" fields are fitted to it); None makes it rule-based again.
 */
export function TableSampleSection({
  table,
  samples,
  onChange,
}: {
  table: TableDraft;
  samples: SampleChoices;
  onChange: (table: TableDraft) => void;
}) {
  const id = useId();
  const sample = sampleOf(table);
  const ready = samples.samples.filter((item) => item.status === 'ready');
  // A sample the table names but the list does not offer (removed, or of another project) stays visible.
  const current = sample ? samples.samples.find((item) => item.id === sample.id) : undefined;
  // Only a root table that is not a time series can learn from a sample (the configuration says so).
  if (!sample && (ready.length === 0 || table.parent || table.sequence !== undefined)) return null;
  const quality = sample?.quality ?? 'balanced';
  const level = qualityLevels.find((item) => item.value === quality);
  const profile = sample ? samples.profiles.get(sample.id) : undefined;

  const choose = (sampleId: string) => {
    const { sample: _sample, ...rest } = table;
    if (!sampleId) onChange(rest as TableDraft);
    else onChange({ ...rest, sample: { id: sampleId, quality } } as TableDraft);
  };

  return (
    <div className="grid gap-3 rounded-lg border border-dashed bg-muted/30 p-3">
      <div className="flex flex-wrap items-end gap-3">
        <FileSpreadsheet aria-hidden="true" className="mb-2 size-4 text-muted-foreground" />
        <div className="grid min-w-48 flex-1 gap-1">
          <label htmlFor={`${id}-sample`} className="text-xs font-medium">
            Sample
          </label>
          <Select
            id={`${id}-sample`}
            className="h-8"
            value={sample?.id ?? ''}
            onChange={(event) => choose(event.target.value)}
          >
            <option value="">None: every field follows its rule</option>
            {sample && !ready.some((item) => item.id === sample.id) && (
              <option value={sample.id}>
                {current ? `${current.name} (${current.status})` : 'A sample not in this project'}
              </option>
            )}
            {ready.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </Select>
        </div>
        {sample && (
          <div className="grid w-40 gap-1">
            <label htmlFor={`${id}-quality`} className="text-xs font-medium">
              Quality
            </label>
            <Select
              id={`${id}-quality`}
              className="h-8"
              aria-describedby={`${id}-quality-hint`}
              value={quality}
              onChange={(event) =>
                onChange({ ...table, sample: { ...sample, quality: event.target.value as SampleQuality } })
              }
            >
              {qualityLevels.map((item) => (
                <option key={item.value} value={item.value}>
                  {item.label}
                </option>
              ))}
            </Select>
          </div>
        )}
        {sample && profile && (
          <Button
            type="button"
            variant="outline"
            size="sm"
            title="Replace this table's fields with one per sample column, as profiling suggests"
            onClick={() => onChange({ ...table, fields: profile.columns.map((column) => column.suggested) })}
          >
            <ListRestart /> Use the sample's columns
          </Button>
        )}
      </div>
      {sample && level && (
        <p id={`${id}-quality-hint`} className="text-xs text-muted-foreground">
          <span className="font-medium text-foreground">{level.label}:</span> {level.description}
        </p>
      )}
      {!sample && (
        <p className="text-xs text-muted-foreground">
          Choose an uploaded sample to make this table a synthetic twin: its columns can then be learned from
          the sample.
        </p>
      )}
    </div>
  );
}
