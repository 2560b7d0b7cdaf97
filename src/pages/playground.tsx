import React from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import BrowserOnly from '@docusaurus/BrowserOnly';
import FailoverLab from '@site/src/components/FailoverLab';
import styles from './playground.module.css';

/** The full-page lab. The model lives in the link, so any state can be shared. */
export default function Playground(): React.JSX.Element {
  return (
    <Layout title="Playground" description="Build a multi-AZ service model, break zones, tasks and databases, and read what failed, what recovered and what was lost.">
      <main className={`container ${styles.page}`}>
        <Heading as="h1">Playground</Heading>
        <p className={styles.intro}>
          Build a model of a service across Availability Zones, break it, and watch what fails and what recovers. Start
          from a preset or from scratch. The whole model is kept in this page's address: copy the link to share exactly
          what you see.
        </p>
        <BrowserOnly fallback={<p>Loading the lab…</p>}>{() => <FailoverLab syncUrl title="Your model" />}</BrowserOnly>
      </main>
    </Layout>
  );
}
