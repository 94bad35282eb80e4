import { useParams } from 'react-router';
import { useJob } from '@/features/jobs/use-jobs';
import { useCurrentProject } from '@/features/projects/project-context';
import { DatasetPage } from '@/features/viewer/dataset-page';
import { DatasetViewer } from '@/features/viewer/dataset-viewer';
import { useDocumentTitle } from '@/lib/use-document-title';

/** The rows of a completed job's output: grid, filters, sort, column figures, CSV of the view. */
export function JobViewerRoute() {
  const project = useCurrentProject();
  const { jobId = '' } = useParams();
  const job = useJob(project.id, jobId);
  useDocumentTitle(job.data ? `Data · ${job.data.name} · ${project.name}` : 'Data');
  return (
    <DatasetPage projectId={project.id} jobId={jobId}>
      {(detail) => <DatasetViewer projectId={project.id} job={detail} />}
    </DatasetPage>
  );
}
