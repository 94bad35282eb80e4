/**
 * The one access policy: every project-scoped route declares an action, and this table decides
 * which roles may take it. Roles are ordered owner > admin > member > viewer.
 */
export const roles = ['owner', 'admin', 'member', 'viewer'] as const;
export type Role = (typeof roles)[number];

const rank: Record<Role, number> = { owner: 4, admin: 3, member: 2, viewer: 1 };

export const actions = {
  'project.read': { least: 'viewer', writes: false },
  'project.update': { least: 'admin', writes: true },
  'project.archive': { least: 'owner', writes: false },
  'project.delete': { least: 'owner', writes: false },
  'project.transfer': { least: 'owner', writes: true },
  'members.read': { least: 'viewer', writes: false },
  'members.manage': { least: 'admin', writes: true },
  'members.leave': { least: 'viewer', writes: false },
  'invitations.read': { least: 'admin', writes: false },
  'invitations.manage': { least: 'admin', writes: true },
  'audit.read': { least: 'admin', writes: false },
  'jobs.read': { least: 'viewer', writes: false },
  'jobs.create': { least: 'member', writes: true },
  'jobs.cancel': { least: 'member', writes: true },
  'jobs.delete': { least: 'member', writes: true },
  'data.download': { least: 'viewer', writes: false },
  'samples.read': { least: 'viewer', writes: false },
  'samples.write': { least: 'member', writes: true },
  'data.view': { least: 'viewer', writes: false },
  // Asking about a dataset records the conversation but changes nothing of the project.
  'data.chat': { least: 'viewer', writes: false },
} as const satisfies Record<string, { least: Role; writes: boolean }>;

export type Action = keyof typeof actions;

export function can(role: Role, action: Action): boolean {
  return rank[role] >= rank[actions[action].least];
}

/** Whether an archived project still allows the action (it is read-only otherwise). */
export function allowedWhenArchived(action: Action): boolean {
  return !actions[action].writes;
}

export function outranks(a: Role, b: Role): boolean {
  return rank[a] > rank[b];
}

/**
 * Which roles an actor may hand out (by invitation or role change): owners any, admins only the
 * roles below admin.
 */
export function canAssign(actor: Role, role: Role): boolean {
  return actor === 'owner' || (actor === 'admin' && rank[role] < rank.admin);
}

/** Whether an actor may change or remove a member who holds `target`: owners anyone, admins those below them. */
export function canManage(actor: Role, target: Role): boolean {
  return actor === 'owner' || (actor === 'admin' && rank[target] < rank.admin);
}
