import type { SampleProfile } from '@synoptic/contract';
import { Sparkles, Wand } from 'lucide-react';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { personalDataLabels } from '@/features/samples/sample-format';
import { personalDataRisk, profileColumnOf } from './sample-model';
import { catalogById, type FieldDraft } from './schema-model';

/**
 * In a sample table, where a field's values come from (learned or generated), whether it stands for
 * personal data, and a warning with a one-click fix when a personal column would be learned.
 */
export function FieldOrigin({
  field,
  profile,
  onChange,
}: {
  field: FieldDraft;
  profile: SampleProfile | undefined;
  onChange: (field: FieldDraft) => void;
}) {
  const column = profileColumnOf(field, profile);
  const risk = personalDataRisk(field, profile);
  const learned = field.type === 'learned';
  const suggestedLabel = risk?.suggested
    ? (catalogById.get(risk.suggested.type)?.label ?? risk.suggested.type)
    : undefined;
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap items-center gap-1.5 text-xs">
        {learned ? (
          <Badge variant="secondary">
            <Sparkles aria-hidden="true" className="size-3" />
            {column ? `Learned from ${column.name}` : 'Learned from the sample'}
          </Badge>
        ) : (
          <Badge variant="outline">
            <Wand aria-hidden="true" className="size-3" />
            Generated{column ? `, replaces ${column.name}` : ''}
          </Badge>
        )}
        {column?.personalData && (
          <Badge variant="warning">Personal data: {personalDataLabels[column.personalData]}</Badge>
        )}
      </div>
      {risk && (
        <Alert variant="warning">
          <AlertTitle>This field learns a personal-data column</AlertTitle>
          <AlertDescription className="flex flex-wrap items-center justify-between gap-2">
            <span>
              Values of this column could be reproduced
              {suggestedLabel ? `; we suggest ${suggestedLabel}` : '; we suggest a generated type'}.
            </span>
            {risk.suggested && (
              <Button
                type="button"
                variant="outline"
                size="sm"
                onClick={() => risk.suggested && onChange(risk.suggested)}
              >
                Use {suggestedLabel}
              </Button>
            )}
          </AlertDescription>
        </Alert>
      )}
    </div>
  );
}
