import { useOutletContext } from 'react-router';
import type { ProjectDetail } from './use-projects';

export type ProjectContext = { project: ProjectDetail };

/** The project the surrounding project layout loaded, for its Overview, Team and Settings pages. */
export function useCurrentProject(): ProjectDetail {
  return useOutletContext<ProjectContext>().project;
}
