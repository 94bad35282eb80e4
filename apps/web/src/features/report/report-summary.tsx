import { FileChartColumn } from 'lucide-react';
import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { JobReportSummary } from '@/features/jobs/use-jobs';
import { cn } from '@/lib/utils';
import { PassFail } from './pass-fail';
import { formatScore, scoreWord } from './report-format';
import { reportPath } from './use-job-report';

const wordColour = {
  Excellent: 'text-success',
  Good: 'text-success',
  Fair: 'text-warning',
  Poor: 'text-destructive',
};

/** An overall quality score as "87%" with its word. */
export function QualityScore({ score, className }: { score: number; className?: string }) {
  const word = scoreWord(score);
  return (
    <span className={cn('inline-flex items-baseline gap-2', className)}>
      <span className="text-2xl font-semibold tabular-nums">{formatScore(score)}</span>
      <span className={cn('text-sm font-medium', wordColour[word])}>{word}</span>
    </span>
  );
}

/**
 * The job's headline figures: quality of the sample tables, their privacy (with the labels of the
 * checks that failed, once the report is at hand), conformance of the rule-based tables.
 */
export function ReportFigures({
  summary,
  failedChecks,
}: {
  summary: JobReportSummary;
  failedChecks: string[] | null;
}) {
  return (
    <dl className="grid gap-x-8 gap-y-4 sm:grid-cols-3">
      {summary.quality !== null && (
        <div className="grid content-start gap-1">
          <dt className="text-sm text-muted-foreground">Quality</dt>
          <dd data-testid="report-quality">
            <QualityScore score={summary.quality} />
          </dd>
        </div>
      )}
      {summary.privacyPassed !== null && (
        <div className="grid content-start gap-1">
          <dt className="text-sm text-muted-foreground">Privacy</dt>
          <dd className="grid gap-1 text-sm" data-testid="report-privacy">
            <PassFail passed={summary.privacyPassed} failLabel="Failed privacy checks" />
            {!summary.privacyPassed && failedChecks && failedChecks.length > 0 && (
              <ul aria-label="Failed privacy checks" className="grid gap-0.5 pl-5.5 text-destructive">
                {failedChecks.map((label) => (
                  <li key={label} className="list-disc">
                    {label}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      )}
      {summary.conformancePassed !== null && (
        <div className="grid content-start gap-1">
          <dt className="text-sm text-muted-foreground">Conformance</dt>
          <dd className="text-sm" data-testid="report-conformance">
            <PassFail passed={summary.conformancePassed} failLabel="Issues" soft />
          </dd>
        </div>
      )}
    </dl>
  );
}

/** The report's figures on the job page, with the way to the whole report. */
export function ReportSummaryCard({
  projectId,
  jobId,
  summary,
  failedChecks,
}: {
  projectId: string;
  jobId: string;
  summary: JobReportSummary;
  failedChecks: string[] | null;
}) {
  return (
    <Card className={cn(summary.privacyPassed === false && 'border-destructive/40')}>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-4 pb-4">
        <div className="grid gap-1.5">
          <CardTitle>Report</CardTitle>
          <CardDescription>
            {summary.quality !== null
              ? 'How close the synthetic data is to the sample, and whether it gives real records away.'
              : 'How well the output matches what the schema asked for.'}
          </CardDescription>
        </div>
        <Button asChild variant="outline">
          <Link to={reportPath(projectId, jobId)}>
            <FileChartColumn /> Open report
          </Link>
        </Button>
      </CardHeader>
      <CardContent>
        <ReportFigures summary={summary} failedChecks={failedChecks} />
      </CardContent>
    </Card>
  );
}
