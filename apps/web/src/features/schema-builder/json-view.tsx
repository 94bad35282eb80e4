import { CircleAlert } from 'lucide-react';
import { useId } from 'react';
import { Textarea } from '@/components/ui/textarea';
import type { ErrorMap } from './schema-model';

/** The configuration as JSON: edits apply to the builder whenever the text parses. */
export function JsonView({
  text,
  parseError,
  errors,
  onChange,
}: {
  text: string;
  parseError: string | undefined;
  errors: ErrorMap;
  onChange: (text: string) => void;
}) {
  const id = useId();
  const problems = [...errors];
  const invalid = Boolean(parseError) || problems.length > 0;
  return (
    <div className="grid gap-3">
      <label htmlFor={id} className="text-sm font-medium">
        Configuration (JSON)
      </label>
      <Textarea
        id={id}
        value={text}
        spellCheck={false}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-errors` : `${id}-hint`}
        className="min-h-[28rem] font-mono text-xs leading-5"
        onChange={(event) => onChange(event.target.value)}
      />
      {!invalid && (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          The same configuration as the builder, in the language of docs/schema.md. Changes here show in the
          builder as soon as the JSON is valid.
        </p>
      )}
      {invalid && (
        <div
          id={`${id}-errors`}
          role="alert"
          className="grid gap-1.5 rounded-lg border border-destructive/30 bg-destructive/10 p-3"
        >
          <p className="flex items-center gap-1.5 text-sm font-medium">
            <CircleAlert aria-hidden="true" className="size-4 text-destructive" />
            {parseError
              ? 'This is not valid JSON'
              : `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`}
          </p>
          <ul className="grid gap-1 text-sm" aria-label="Configuration problems">
            {parseError ? (
              <li>{parseError}</li>
            ) : (
              problems.map(([path, message]) => (
                <li key={path}>
                  <code className="rounded bg-background/60 px-1 font-mono text-xs">{path || 'config'}</code>{' '}
                  {message}
                </li>
              ))
            )}
          </ul>
        </div>
      )}
    </div>
  );
}
