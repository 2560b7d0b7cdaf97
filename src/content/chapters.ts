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
  /** What passing the chapter's quiz shows a team lead the engineer can do (the onboarding page lists it). */
  proves: string;
  /** The id of the chapter's `<Quiz>`, once it has one (registered in src/quiz/registry.ts). */
  quizId?: string;
  /**
   * Reading time in minutes, at 200 words a minute, rounded up. Required once
   * `docId` is set; src/quiz/course.test.ts checks it against the page's words.
   */
  readingMinutes?: number;
}

/**
 * The URL path of a doc from its id. Chapters live in `docs/<slug>/index.mdx`,
 * whose id is `<slug>/index` and whose page is `/docs/<slug>`.
 */
export function docPath(docId: string): string {
  return `/docs/${docId.replace(/\/index$/, '')}`;
}

export const chapters: readonly ChapterOutline[] = [
  {number: 1, title: 'Zones are failure domains', promise: 'Tell what a zone outage looks like to a service, total, partial, gray or cut off, and what "multi-AZ" does and does not promise.', proves: 'Tells a total, partial, gray and cut-off zone failure apart, and says what multi-AZ does and does not promise.', docId: 'zones-are-failure-domains/index', quizId: 'zones-are-failure-domains', readingMinutes: 18},
  {number: 2, title: 'The same container in several zones', promise: 'Explain why one task is never multi-AZ and compute the downtime of rescheduling it after its zone fails.', proves: 'Computes the downtime of a single task rescheduled after its zone fails, and explains why one task is never multi-AZ.', docId: 'same-container-several-zones/index', quizId: 'same-container-several-zones', readingMinutes: 14},
  {number: 3, title: 'Load balancers and health checks', promise: 'Work out how long a dead target keeps receiving traffic, and what fails in that window.', proves: 'Works out from health-check settings how long a dead target keeps getting traffic, and what fails meanwhile.', docId: 'load-balancers-health-checks/index', quizId: 'load-balancers-health-checks', readingMinutes: 21},
  {number: 4, title: 'Capacity for a lost zone', promise: 'Size a service so the surviving zones carry the load with no scaling: static stability.', proves: 'Sizes a service with the N/(N-1) rule so the surviving zones carry peak load without scaling.', docId: 'capacity-for-a-lost-zone/index', quizId: 'capacity-for-a-lost-zone', readingMinutes: 17},
  {number: 5, title: 'Clients during a zone loss', promise: 'Work out how long clients keep failing after a zone loss, and set DNS caching, timeouts and retries that shorten it without piling load on the zones left.', proves: 'Sets DNS caching, connect and request timeouts, and retries with backoff, jitter and a budget at one layer, so clients get through a zone loss without a retry storm.', docId: 'clients-during-a-zone-loss/index', quizId: 'clients-during-a-zone-loss', readingMinutes: 14},
  {number: 6, title: 'Overload after a zone loss', promise: 'Keep the zones left serving their capacity with load shedding, and recognise and break a metastable failure that outlasts the lost zone.', proves: 'Explains why goodput falls past capacity, breaks a retry storm with shedding, backoff and a budget, and sizes for a deployment during a zone loss.', docId: 'overload/index', quizId: 'overload', readingMinutes: 11},
  {number: 7, title: 'Stateless services', promise: 'Find the state hiding in a container and move it where a lost zone cannot take it.', proves: 'Finds state hidden in a container (sessions, local files, caches) and moves it to storage a lost zone cannot take.', docId: 'stateless-services/index', quizId: 'stateless-services', readingMinutes: 18},
  {number: 8, title: 'Replication fundamentals', docId: 'replication-fundamentals/index', quizId: 'replication-fundamentals', readingMinutes: 14, promise: 'Compare synchronous, semi-synchronous, asynchronous and quorum replication by the latency they cost and the writes they lose.', proves: 'Compares replication modes by the write latency they cost and the committed writes they can lose.'},
  {number: 9, title: 'Managed databases across zones', docId: 'managed-databases/index', quizId: 'managed-databases', readingMinutes: 18, promise: 'Choose between RDS Multi-AZ, Multi-AZ clusters and Aurora with the real failover times and recovery points.', proves: 'Picks between RDS Multi-AZ, Multi-AZ clusters and Aurora from their real failover times and recovery points.'},
  {number: 10, title: 'Self-managed replication', docId: 'self-managed-replication/index', quizId: 'self-managed-replication', readingMinutes: 19, promise: 'Run PostgreSQL or MySQL replication across zones with fencing and an automatic failover manager.', proves: 'Sets up PostgreSQL or MySQL replication across zones with fencing and an automatic failover manager.'},
  {number: 11, title: 'Capstone', docId: 'capstone/index', quizId: 'capstone', readingMinutes: 14, promise: 'Design a service to an availability target, a recovery point, a recovery time and a budget, graded by the model.', proves: 'Designs a service that meets an availability, recovery point, recovery time and budget target, checked by the model.'},
  {number: 12, title: 'Proving it: game days', docId: 'game-days/index', quizId: 'game-days', readingMinutes: 18, promise: 'Plan and run a zone failure drill with a runbook and a checklist.', proves: 'Plans and runs a zone-failure drill with a runbook and a checklist.'},
  {number: 13, title: 'Evacuating a sick zone yourself', docId: 'evacuating-a-sick-zone/index', quizId: 'evacuating-a-sick-zone', readingMinutes: 14, promise: 'Contain a gray failure to one zone, see it with per-zone alarms and move traffic away with an alarm-driven zonal shift.', proves: 'Detects a sick zone as an outlier, evacuates it with a guarded zonal shift, and tells that apart from AWS autoshift and ALB anomaly mitigation.'},
];
