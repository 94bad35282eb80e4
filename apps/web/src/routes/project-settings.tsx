import { Lock } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { useCurrentProject } from '@/features/projects/project-context';
import { ProjectDangerZone } from '@/features/projects/project-danger-zone';
import { can } from '@/features/projects/project-permissions';
import { ProjectDataForm, ProjectGeneralForm } from '@/features/projects/project-settings-forms';
import { AuditLog } from '@/features/teams/audit-log';
import { useDocumentTitle } from '@/lib/use-document-title';

export function ProjectSettingsRoute() {
  const project = useCurrentProject();
  useDocumentTitle(`Settings · ${project.name}`);
  const mayEdit = can(project.role, 'project.update');
  const readOnly = !mayEdit || project.archived;
  return (
    <div className="grid gap-6">
      {!mayEdit && (
        <Alert>
          <span className="flex items-center gap-2">
            <Lock aria-hidden="true" className="size-3.5" />
            You are {project.role === 'viewer' ? 'a viewer' : 'a member'} here: settings are read-only. Admins
            and owners change them.
          </span>
        </Alert>
      )}
      {/* A fresh form whenever the saved project changes, so the fields never show stale values. */}
      <ProjectGeneralForm key={`general-${project.updatedAt}`} project={project} readOnly={readOnly} />
      <ProjectDataForm key={`data-${project.updatedAt}`} project={project} readOnly={readOnly} />
      {project.role === 'owner' && <ProjectDangerZone project={project} />}
      {can(project.role, 'audit.read') && <AuditLog projectId={project.id} />}
    </div>
  );
}
