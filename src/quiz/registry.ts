/**
 * Every quiz in the site, with the course unit it belongs to. The progress
 * and onboarding pages score quizzes from here, and src/quiz/integrity.test.ts
 * checks every one. A new chapter quiz: import its questions file and add a line.
 */
import type {QuizQuestion} from './types';
import introQuiz from '@site/docs/_intro-quiz';
import zonesAreFailureDomainsQuiz from '@site/docs/zones-are-failure-domains/quiz';
import sameContainerSeveralZonesQuiz from '@site/docs/same-container-several-zones/quiz';
import loadBalancersHealthChecksQuiz from '@site/docs/load-balancers-health-checks/quiz';
import capacityForALostZoneQuiz from '@site/docs/capacity-for-a-lost-zone/quiz';
import clientsDuringAZoneLossQuiz from '@site/docs/clients-during-a-zone-loss/quiz';
import overloadQuiz from '@site/docs/overload/quiz';
import statelessServicesQuiz from '@site/docs/stateless-services/quiz';
import replicationFundamentalsQuiz from '@site/docs/replication-fundamentals/quiz';
import managedDatabasesQuiz from '@site/docs/managed-databases/quiz';
import selfManagedReplicationQuiz from '@site/docs/self-managed-replication/quiz';
import capstoneQuiz from '@site/docs/capstone/quiz';
import gameDaysQuiz from '@site/docs/game-days/quiz';
import evacuatingASickZoneQuiz from '@site/docs/evacuating-a-sick-zone/quiz';

export interface RegisteredQuiz {
  /** The `id` given to `<Quiz>` in the MDX, and the key of its progress. */
  id: string;
  /** The CourseUnit key (see ./course) the quiz belongs to. */
  unitKey: string;
  /** Where the MDX imports the questions from, relative to the site root (the integrity test checks it). */
  source: string;
  questions: readonly QuizQuestion[];
}

export const quizzes: readonly RegisteredQuiz[] = [
  {id: 'intro', unitKey: 'intro', source: 'docs/_intro-quiz.ts', questions: introQuiz},
  {id: 'zones-are-failure-domains', unitKey: 'chapter-1', source: 'docs/zones-are-failure-domains/quiz.ts', questions: zonesAreFailureDomainsQuiz},
  {id: 'same-container-several-zones', unitKey: 'chapter-2', source: 'docs/same-container-several-zones/quiz.ts', questions: sameContainerSeveralZonesQuiz},
  {id: 'load-balancers-health-checks', unitKey: 'chapter-3', source: 'docs/load-balancers-health-checks/quiz.ts', questions: loadBalancersHealthChecksQuiz},
  {id: 'capacity-for-a-lost-zone', unitKey: 'chapter-4', source: 'docs/capacity-for-a-lost-zone/quiz.ts', questions: capacityForALostZoneQuiz},
  {id: 'clients-during-a-zone-loss', unitKey: 'chapter-5', source: 'docs/clients-during-a-zone-loss/quiz.ts', questions: clientsDuringAZoneLossQuiz},
  {id: 'overload', unitKey: 'chapter-6', source: 'docs/overload/quiz.ts', questions: overloadQuiz},
  {id: 'stateless-services', unitKey: 'chapter-7', source: 'docs/stateless-services/quiz.ts', questions: statelessServicesQuiz},
  {id: 'replication-fundamentals', unitKey: 'chapter-8', source: 'docs/replication-fundamentals/quiz.ts', questions: replicationFundamentalsQuiz},
  {id: 'managed-databases', unitKey: 'chapter-9', source: 'docs/managed-databases/quiz.ts', questions: managedDatabasesQuiz},
  {id: 'self-managed-replication', unitKey: 'chapter-10', source: 'docs/self-managed-replication/quiz.ts', questions: selfManagedReplicationQuiz},
  {id: 'capstone', unitKey: 'chapter-11', source: 'docs/capstone/quiz.ts', questions: capstoneQuiz},
  {id: 'game-days', unitKey: 'chapter-12', source: 'docs/game-days/quiz.ts', questions: gameDaysQuiz},
  {id: 'evacuating-a-sick-zone', unitKey: 'chapter-13', source: 'docs/evacuating-a-sick-zone/quiz.ts', questions: evacuatingASickZoneQuiz},
];

export function findQuiz(id: string): RegisteredQuiz | undefined {
  return quizzes.find((quiz) => quiz.id === id);
}
