import { type ComponentProps, useEffect, useRef, useState } from 'react';
import { Input } from '@/components/ui/input';

export type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * A text input over a typed value (a number, a list, a JSON object): it keeps what the person
 * types ("1,", "-") and commits the value whenever the text parses; an outside change resets it.
 */
export function DraftInput({
  value,
  format,
  parse,
  onCommit,
  ...props
}: Omit<ComponentProps<'input'>, 'value' | 'onChange'> & {
  value: unknown;
  format: (value: unknown) => string;
  parse: (text: string) => Parsed;
  onCommit: (value: unknown) => void;
}) {
  const [text, setText] = useState(() => format(value));
  const [problem, setProblem] = useState<string>();
  const committed = useRef(format(value));
  useEffect(() => {
    const outside = format(value);
    if (outside !== committed.current) {
      committed.current = outside;
      setText(outside);
      setProblem(undefined);
    }
  }, [value, format]);
  return (
    <Input
      {...props}
      value={text}
      aria-invalid={problem ? true : props['aria-invalid']}
      title={problem ?? props.title}
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        const parsed = parse(next);
        if (parsed.ok) {
          setProblem(undefined);
          committed.current = format(parsed.value);
          onCommit(parsed.value);
        } else {
          setProblem(parsed.message);
        }
      }}
    />
  );
}

/** Numbers as people type them: "1,000,000", "1 000 000" and "1_000_000" all mean a million. */
export function parseNumber(text: string, { integer = false, optional = true } = {}): Parsed {
  const cleaned = text.replace(/[,_\s]/g, '');
  if (cleaned === '')
    return optional ? { ok: true, value: undefined } : { ok: false, message: 'Enter a number' };
  const value = Number(cleaned);
  if (!Number.isFinite(value)) return { ok: false, message: 'Enter a number' };
  if (integer && !Number.isInteger(value)) return { ok: false, message: 'Enter a whole number' };
  return { ok: true, value };
}

export const formatNumberText = (value: unknown) => (typeof value === 'number' ? String(value) : '');
