/**
 * The course outline, in teaching order. The home page and the introduction
 * read it, so the list of chapters lives in one place. `docId` is set once a
 * chapter is published; until then the outline shows it as in preparation
 * rather than linking to an empty page.
 */
export interface ChapterOutline {
  /** Position in the course, from 1. */
  number: number;
  title: string;
  /** One sentence: what the reader can do after the chapter. */
  promise: string;
  /** Docs id (path under docs/ without extension) once the chapter is published. */
  docId?: string;
}

export const chapters: readonly ChapterOutline[] = [
  {number: 1, title: 'Zones are failure domains', promise: 'Tell what a zone outage looks like to a service, total, partial or gray, and what "multi-AZ" does and does not promise.'},
  {number: 2, title: 'The same container in several zones', promise: 'Explain why one task is never multi-AZ and compute the downtime of rescheduling it after its zone fails.'},
  {number: 3, title: 'Load balancers and health checks', promise: 'Work out how long a dead target keeps receiving traffic, and what fails in that window.'},
  {number: 4, title: 'Capacity for a lost zone', promise: 'Size a service so the surviving zones carry the load with no scaling: static stability.'},
  {number: 5, title: 'Stateless services', promise: 'Find the state hiding in a container and move it where a lost zone cannot take it.'},
  {number: 6, title: 'Replication fundamentals', promise: 'Compare synchronous, semi-synchronous, asynchronous and quorum replication by the latency they cost and the writes they lose.'},
  {number: 7, title: 'Managed databases across zones', promise: 'Choose between RDS Multi-AZ, Multi-AZ clusters and Aurora with the real failover times and recovery points.'},
  {number: 8, title: 'Self-managed replication', promise: 'Run PostgreSQL or MySQL replication across zones with fencing and an automatic failover manager.'},
  {number: 9, title: 'Capstone', promise: 'Design a service to an availability target, a recovery point, a recovery time and a budget, graded by the model.'},
  {number: 10, title: 'Proving it: game days', promise: 'Plan and run a zone failure drill with a runbook and a checklist.'},
];
