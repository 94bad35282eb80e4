import { CircleX, ShieldAlert } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Button, type ButtonProps } from '@/components/ui/button';
import { acknowledgedUrl } from './privacy-gate';

// Through a link with `download`, like the ungated buttons: an error answer ends as a failed
// download instead of replacing the page.
function startDownload(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  link.click();
}

/**
 * A download button. When the job failed its privacy checks (`failedChecks` given, possibly empty
 * while the report loads) it first asks, naming the checks; "Download anyway" then downloads with
 * the acknowledgement the api requires. Otherwise it downloads at once.
 */
export function PrivacyDownload({
  href,
  failedChecks,
  reportHref,
  children,
  variant,
  size,
  title,
  'aria-label': ariaLabel,
}: {
  href: string;
  failedChecks: string[] | null;
  reportHref: string;
  children: ReactNode;
  variant?: ButtonProps['variant'];
  size?: ButtonProps['size'];
  title?: string;
  'aria-label'?: string;
}) {
  if (failedChecks === null) {
    return (
      <Button asChild variant={variant} size={size}>
        <a href={href} download title={title} aria-label={ariaLabel}>
          {children}
        </a>
      </Button>
    );
  }
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button variant={variant} size={size} title={title} aria-label={ariaLabel}>
          {children}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent className="max-w-lg">
        <AlertDialogHeader>
          <AlertDialogTitle className="flex items-center gap-2">
            <ShieldAlert aria-hidden="true" className="size-5 text-destructive" />
            This dataset failed its privacy checks
          </AlertDialogTitle>
          <AlertDialogDescription>
            The output may give away records or personal data of the real sample it was learned from. Review
            the report before you share it.
          </AlertDialogDescription>
        </AlertDialogHeader>
        {failedChecks.length > 0 && (
          <ul aria-label="Failed privacy checks" className="grid gap-1.5 text-sm">
            {failedChecks.map((label) => (
              <li key={label} className="flex items-center gap-2">
                <CircleX aria-hidden="true" className="size-4 shrink-0 text-destructive" />
                {label}
              </li>
            ))}
          </ul>
        )}
        <AlertDialogFooter>
          <AlertDialogCancel asChild>
            <Button variant="outline">Cancel</Button>
          </AlertDialogCancel>
          <AlertDialogAction asChild>
            <Button asChild variant="outline">
              <Link to={reportHref}>Review the report</Link>
            </Button>
          </AlertDialogAction>
          <AlertDialogAction asChild>
            <Button variant="destructive" onClick={() => startDownload(acknowledgedUrl(href))}>
              Download anyway
            </Button>
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
