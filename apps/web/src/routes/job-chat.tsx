import { useParams } from 'react-router';
import { ChatScreen } from '@/features/chat/chat-screen';
import { useJob } from '@/features/jobs/use-jobs';
import { useCurrentProject } from '@/features/projects/project-context';
import { DatasetPage } from '@/features/viewer/dataset-page';
import { useDocumentTitle } from '@/lib/use-document-title';

/** Questions about a completed job's output, answered from one read-only query each. */
export function JobChatRoute() {
  const project = useCurrentProject();
  const { jobId = '' } = useParams();
  const job = useJob(project.id, jobId);
  useDocumentTitle(job.data ? `Ask · ${job.data.name} · ${project.name}` : 'Ask');
  return (
    <DatasetPage projectId={project.id} jobId={jobId}>
      {(detail) => (
        <ChatScreen
          projectId={project.id}
          jobId={jobId}
          rows={detail.files.reduce((sum, file) => sum + file.rows, 0)}
        />
      )}
    </DatasetPage>
  );
}
