import type { components } from '@synoptic/contract/api-types';

export type Role = components['schemas']['Role'];

export const roles: Role[] = ['owner', 'admin', 'member', 'viewer'];

const rank: Record<Role, number> = { owner: 4, admin: 3, member: 2, viewer: 1 };

export const roleLabels: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  member: 'Member',
  viewer: 'Viewer',
};

export const roleDescriptions: Record<Role, string> = {
  owner: 'Everything, including archiving, deleting and handing over the project',
  admin: 'Settings, and people below admin',
  member: 'Runs and cancels generation jobs',
  viewer: 'Reads the project and downloads its data',
};

// Mirrors the api's policy table (apps/api/src/modules/projects/policy.ts) so the screens offer only
// what the api would accept; the api still decides.
const least = {
  'project.update': 'admin',
  'project.archive': 'owner',
  'project.delete': 'owner',
  'project.transfer': 'owner',
  'members.manage': 'admin',
  'invitations.manage': 'admin',
  'audit.read': 'admin',
  'jobs.create': 'member',
} as const satisfies Record<string, Role>;

export type ProjectAction = keyof typeof least;

export function can(role: Role, action: ProjectAction): boolean {
  return rank[role] >= rank[least[action]];
}

/** Roles an actor may hand out by invitation or role change: owners any, admins those below admin. */
export function assignableRoles(actor: Role): Role[] {
  return roles.filter((role) => actor === 'owner' || (actor === 'admin' && rank[role] < rank.admin));
}

/** Whether an actor may change or remove someone who holds `target`. */
export function canManage(actor: Role, target: Role): boolean {
  return actor === 'owner' || (actor === 'admin' && rank[target] < rank.admin);
}

/** "an admin", "a viewer": for sentences. */
export function withArticle(role: Role): string {
  return `${role === 'owner' || role === 'admin' ? 'an' : 'a'} ${role}`;
}
