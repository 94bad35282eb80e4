import { formatCount } from '@/features/jobs/job-format';
import { ColumnHistogram, SeriesLegend } from './column-histogram';
import { CorrelationHeatMap, CorrelationLegend } from './correlation-heat-map';
import { FigureList } from './figure-list';
import { PairTrendsTable } from './pair-trends-table';
import { formatFitTime, formatScore } from './report-format';
import { QualityScore } from './report-summary';
import type { QualityReport, TableReport } from './report-types';

type Fit = NonNullable<TableReport['fit']>;

const levelWords: Record<Fit['quality'], string> = {
  fast: 'Fast (independent columns)',
  balanced: 'Balanced (Gaussian copula)',
  high: 'High (copula per category)',
};

/** How close a sample table's synthetic twin is to the sample: scores, fit, shapes, correlations. */
export function QualitySection({
  table,
  quality,
  fit,
}: {
  table: string;
  quality: QualityReport;
  fit: Fit | null;
}) {
  return (
    <section aria-labelledby={`${table}-quality`} className="grid gap-5">
      <h4 id={`${table}-quality`} className="text-base font-semibold">
        Quality
      </h4>
      <div className="flex flex-wrap items-end gap-x-10 gap-y-4">
        <div className="grid gap-0.5">
          <span className="text-sm text-muted-foreground">Overall</span>
          <QualityScore score={quality.score} className="[&>span:first-child]:text-3xl" />
        </div>
        <FigureList
          className="flex-1 lg:grid-cols-4"
          items={[
            {
              label: 'Column shapes',
              hint: 'Mean of the per-column shape scores',
              value: formatScore(quality.columnShapes),
            },
            {
              label: 'Column pair trends',
              hint: 'Mean of the per-pair trend scores',
              value:
                quality.columnPairTrends === null ? '— (one column)' : formatScore(quality.columnPairTrends),
            },
            { label: 'Real rows compared', value: formatCount(quality.rowsCompared.real) },
            { label: 'Synthetic rows compared', value: formatCount(quality.rowsCompared.synthetic) },
          ]}
        />
      </div>
      {fit && (
        <div className="grid gap-2 rounded-lg bg-muted/40 p-3">
          <h5 className="text-sm font-medium">Fit</h5>
          <FigureList
            items={[
              { label: 'Quality level', value: levelWords[fit.quality] },
              { label: 'Training rows', value: formatCount(fit.trainingRows) },
              {
                label: 'Holdout rows',
                hint: 'Real rows kept out of fitting, to tell memorisation from generalisation',
                value: formatCount(fit.holdoutRows),
              },
              { label: 'Conditioned on', value: fit.conditionedOn ?? '—' },
              { label: 'Fit time', value: formatFitTime(fit.seconds) },
            ]}
          />
        </div>
      )}

      <div className="grid gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h5 className="text-sm font-medium">Column shapes</h5>
          <SeriesLegend />
        </div>
        <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3 print:grid-cols-2">
          {quality.columns.map((shape) => (
            <ColumnHistogram key={shape.column} shape={shape} />
          ))}
        </div>
      </div>

      {quality.correlation.columns.length > 1 && (
        <div className="grid gap-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <div className="grid gap-0.5">
              <h5 className="text-sm font-medium">Correlations</h5>
              <p className="text-xs text-muted-foreground">
                Pearson correlation for pairs of numbers, Cramér’s V (0 to 1) for pairs with a category.
              </p>
            </div>
            <CorrelationLegend />
          </div>
          <div className="grid gap-6 md:grid-cols-2 print:grid-cols-2">
            {(['real', 'synthetic'] as const).map((side) => (
              <CorrelationHeatMap
                key={side}
                title={side === 'real' ? 'Real' : 'Synthetic'}
                columns={quality.correlation.columns}
                matrix={quality.correlation[side]}
                real={quality.correlation.real}
                synthetic={quality.correlation.synthetic}
              />
            ))}
          </div>
        </div>
      )}

      {quality.pairs.length > 0 && (
        <div className="grid gap-3">
          <h5 className="text-sm font-medium">Pair trends</h5>
          <PairTrendsTable pairs={quality.pairs} caption={`Pair trends of ${table}`} />
        </div>
      )}
    </section>
  );
}
