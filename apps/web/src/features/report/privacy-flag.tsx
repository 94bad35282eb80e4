import { ShieldAlert } from 'lucide-react';

/** Marks a job whose output failed its privacy checks: its downloads ask for a confirmation. */
export function PrivacyFlag() {
  return (
    <span
      title="Failed privacy checks: review the report before downloading"
      className="inline-flex w-fit items-center gap-1 rounded-full bg-destructive/15 px-2.5 py-0.5 text-xs font-medium whitespace-nowrap text-destructive"
    >
      <ShieldAlert aria-hidden="true" className="size-3" />
      Privacy
      <span className="sr-only">: failed privacy checks</span>
    </span>
  );
}
