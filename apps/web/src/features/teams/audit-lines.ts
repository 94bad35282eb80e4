import type { components } from '@synoptic/contract/api-types';
import { formatBytes } from '@/features/projects/format-bytes';

export type AuditEvent = components['schemas']['AuditEvent'];

/** Names for the people an event mentions: by user id for actors, by email for targets. */
export type PeopleIndex = { byId: Map<string, string>; byEmail: Map<string, string> };

const formatNames: Record<string, string> = {
  csv: 'CSV',
  jsonl: 'JSON Lines',
  parquet: 'Parquet',
  sql: 'SQL inserts',
};

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** One changed field of a project in words: "retention to 7 days". */
function describeChange(field: string, value: unknown): string {
  switch (field) {
    case 'name':
      return `the name to “${String(value)}”`;
    case 'description':
      return value ? 'the description' : 'the description (now empty)';
    case 'retentionDays':
      return `retention to ${plural(Number(value), 'day', 'days')}`;
    case 'storageQuotaBytes':
      return `the storage quota to ${formatBytes(Number(value))}`;
    case 'defaultOutputFormat':
      return `the default format to ${formatNames[String(value)] ?? String(value)}`;
    case 'deleteSamplesAfterFit':
      return value ? 'samples to be deleted after fitting' : 'samples to be kept after fitting';
    default:
      return field;
  }
}

function joinAnd(parts: string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** "Ada changed retention to 7 days": one audit event as a sentence a person reads at a glance. */
export function describeAuditEvent(event: AuditEvent, people: PeopleIndex): string {
  const actor = (event.actor.id && people.byId.get(event.actor.id)) || event.actor.email;
  const target = people.byEmail.get(event.target.toLowerCase()) ?? event.target;
  const details = event.details;
  const role = typeof details.role === 'string' ? details.role : undefined;
  switch (event.action) {
    case 'project.created':
      return `${actor} created the project “${event.target}”`;
    case 'project.updated': {
      const changes = Object.entries(details).map(([field, value]) => describeChange(field, value));
      return changes.length ? `${actor} changed ${joinAnd(changes)}` : `${actor} updated the project`;
    }
    case 'project.archived':
      return `${actor} archived the project`;
    case 'project.unarchived':
      return `${actor} unarchived the project`;
    case 'project.ownership_transferred':
      return `${actor} transferred ownership to ${target}`;
    case 'member.role_changed':
      return `${actor} changed ${target}’s role from ${String(details.from)} to ${String(details.to)}`;
    case 'member.removed':
      return `${actor} removed ${target}${role ? ` (${role})` : ''} from the project`;
    case 'member.left':
      return `${actor} left the project`;
    case 'invitation.sent':
      return `${actor} invited ${event.target}${role ? ` as ${role}` : ''}`;
    case 'invitation.revoked':
      return `${actor} revoked the invitation to ${event.target}`;
    case 'invitation.accepted':
      return `${actor} accepted the invitation${role ? ` and joined as ${role}` : ''}`;
    case 'invitation.declined':
      return `${actor} declined the invitation`;
    case 'job.created':
      return `${actor} started the job “${event.target}”`;
    case 'job.cancelled':
      return `${actor} cancelled the job “${event.target}”`;
    case 'job.deleted':
      return `${actor} deleted the job “${event.target}” and its files`;
    case 'job.privacy_acknowledged':
      return `${actor} downloaded ${typeof details.download === 'string' ? details.download : 'data'} of “${event.target}” despite its failed privacy checks`;
    case 'sample.uploaded':
      return `${actor} uploaded the sample “${event.target}”${typeof details.bytes === 'number' ? ` (${formatBytes(details.bytes)})` : ''}`;
    case 'sample.deleted':
      return `${actor} deleted the sample “${event.target}”`;
    default:
      return `${actor}: ${event.action.replace(/[._]/g, ' ')}${event.target ? ` (${event.target})` : ''}`;
  }
}
