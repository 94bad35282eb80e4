import { FileSpreadsheet } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Skeleton } from '@/components/ui/skeleton';
import { useCurrentProject } from '@/features/projects/project-context';
import { SampleDropZone } from '@/features/samples/sample-drop-zone';
import { canManageSamples } from '@/features/samples/sample-permissions';
import { SampleUploadList } from '@/features/samples/sample-upload-list';
import { SamplesTable } from '@/features/samples/samples-table';
import { useSampleUploads } from '@/features/samples/use-sample-uploads';
import { useSamples } from '@/features/samples/use-samples';
import { errorMessage } from '@/lib/api';
import { useDocumentTitle } from '@/lib/use-document-title';

/** The project's samples: upload one, follow its profiling, open it to make a synthetic twin. */
export function ProjectSamplesRoute() {
  const project = useCurrentProject();
  useDocumentTitle(`Samples · ${project.name}`);
  const canManage = canManageSamples(project);
  const samples = useSamples(project.id);
  const uploads = useSampleUploads(project.id);

  return (
    <div className="grid gap-4">
      <div className="grid gap-1">
        <h2 className="text-xl font-semibold tracking-tight">Samples</h2>
        <p className="max-w-3xl text-sm text-muted-foreground">
          Upload a real table; Synoptic learns its shape and generates a private synthetic twin, with a report
          on how close and how private it is.
        </p>
      </div>
      {canManage && (
        <>
          <SampleDropZone onFiles={(files) => files.forEach(uploads.start)} />
          <SampleUploadList uploads={uploads.uploads} onCancel={uploads.cancel} onDismiss={uploads.dismiss} />
        </>
      )}
      {samples.isError ? (
        <Alert variant="destructive">{errorMessage(samples.error)}</Alert>
      ) : samples.isPending ? (
        <div className="grid gap-2" aria-hidden="true">
          <Skeleton className="h-14" />
          <Skeleton className="h-14" />
        </div>
      ) : samples.data.length === 0 ? (
        <section
          aria-label="Samples"
          className="flex flex-col items-center justify-center gap-2 rounded-lg border border-dashed px-6 py-10 text-center"
        >
          <span className="flex size-10 items-center justify-center rounded-full bg-muted">
            <FileSpreadsheet aria-hidden="true" className="size-5 text-muted-foreground" />
          </span>
          <p className="font-medium">No samples yet</p>
          <p className="max-w-md text-sm text-muted-foreground">
            A sample is a real table (a CSV export, say). Synoptic profiles its columns, spots personal data,
            and fits a model that generates new rows with the same statistics but none of the real records.
            {canManage ? ' Upload one above to start.' : ' Members of this project upload them.'}
          </p>
        </section>
      ) : (
        <SamplesTable projectId={project.id} samples={samples.data} canManage={canManage} />
      )}
    </div>
  );
}
