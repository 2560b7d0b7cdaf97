import React from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import ChapterList from '@site/src/components/ChapterList';
import ZoneIllustration from '@site/src/components/ZoneIllustration';
import ContinueCourse from '@site/src/components/ContinueCourse';
import {courseReadingMinutes, courseUnits} from '@site/src/quiz/course';
import {formatDuration} from '@site/src/utils/format';
import styles from './index.module.css';

const lessons = [
  {
    title: 'Break it on purpose',
    text: 'Build a small model of your service: zones, tasks, a load balancer and a database. Then take a zone away and read, second by second, which requests failed, what recovered and which writes were lost.',
  },
  {
    title: 'The true numbers',
    text: 'How long a dead target keeps receiving traffic, how long a database failover takes, what a lost zone costs in capacity: every figure is worked out from AWS documentation and linked to its source, and where AWS gives none, the model’s estimate says it is one.',
  },
  {
    title: 'Prove you understood',
    text: 'Each chapter ends with a quiz graded in your browser, with an explanation for every option. Some questions are design challenges that the model itself grades.',
  },
];

export default function Home(): React.JSX.Element {
  return (
    <Layout
      title="Learn multi-AZ failover by breaking zones"
      description="An interactive course for engineers: run a service across several Availability Zones and keep it serving when one of them fails.">
      <header className={styles.hero}>
        <div className={`container ${styles.heroInner}`}>
          <div>
            <Heading as="h1" className={styles.title}>
              Failover Lab
            </Heading>
            <p className={styles.tagline}>
              Run a service across several Availability Zones, break one on purpose, and learn exactly what survives.
            </p>
            <p className={styles.audience}>
              For engineers who ship containers and want to know what "multi-AZ" really buys them, and for teams
              onboarding new engineers onto a service that must survive a lost zone.
            </p>
            <p className={styles.length} data-testid="course-length">
              {courseUnits.length} parts, about {formatDuration(courseReadingMinutes() * 60)} of reading, plus the labs and quizzes.
            </p>
            <div className={styles.actions}>
              <Link className="button button--primary button--lg" to="/docs/intro">
                Start the course
              </Link>
              <Link className="button button--secondary button--lg" to="/playground">
                Open the playground
              </Link>
            </div>
            <ContinueCourse />
          </div>
          <ZoneIllustration />
        </div>
      </header>
      <main>
        <section className={`container ${styles.section}`} aria-labelledby="how-heading">
          <Heading as="h2" id="how-heading">
            How you will learn
          </Heading>
          <div className={styles.lessons}>
            {lessons.map((lesson) => (
              <div key={lesson.title} className={styles.lesson}>
                <Heading as="h3">{lesson.title}</Heading>
                <p>{lesson.text}</p>
              </div>
            ))}
          </div>
        </section>
        <section className={`container ${styles.section}`} aria-labelledby="chapters-heading">
          <Heading as="h2" id="chapters-heading">
            The chapters
          </Heading>
          <p>
            Thirteen chapters, from what a zone is to a capstone design, a game day and evacuating a sick zone. The first half is about compute:
            tasks, load balancers, capacity, clients and overload. The second half is about where the state lives: replication and
            databases.
          </p>
          <ChapterList />
        </section>
      </main>
    </Layout>
  );
}
