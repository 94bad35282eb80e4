import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { ConformanceSection } from './conformance-section';
import { failedCheckLabels } from './privacy-gate';
import { PrivacySection } from './privacy-section';
import { QualitySection } from './quality-section';
import { ReportFigures } from './report-summary';
import type { JobReport } from './report-types';

/** A whole report.json: the job's headline figures, then each table's quality, privacy or conformance. */
export function ReportView({ report }: { report: JobReport }) {
  return (
    <div className="grid gap-6">
      <Card className="break-inside-avoid">
        <CardContent className="pt-6">
          <ReportFigures summary={report.summary} failedChecks={failedCheckLabels(report)} />
        </CardContent>
      </Card>
      {report.tables.map((table) => (
        <Card key={table.table} className="print:shadow-none">
          <CardHeader className="flex-row flex-wrap items-center gap-3 pb-4">
            <CardTitle className="font-mono text-lg">{table.table}</CardTitle>
            <Badge variant="secondary">
              {table.source === 'sample' ? 'Learned from a sample' : 'Rule-based'}
            </Badge>
          </CardHeader>
          <CardContent className="grid gap-8">
            {table.quality && <QualitySection table={table.table} quality={table.quality} fit={table.fit} />}
            {table.privacy && <PrivacySection table={table.table} privacy={table.privacy} />}
            {table.conformance && <ConformanceSection table={table.table} conformance={table.conformance} />}
          </CardContent>
        </Card>
      ))}
    </div>
  );
}
