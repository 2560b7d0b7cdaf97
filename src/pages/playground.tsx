import React, {startTransition, useEffect, useState} from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import FailoverLab from '@site/src/components/FailoverLab';
import {FirstRunContext, type FirstRun} from '@site/src/lab/useSimulation';
import * as start from '@site/src/lab/playgroundStart.data';
import styles from './playground.module.css';

const START_JSON = JSON.stringify(start.model);

/**
 * The lab's first run here: its default model's outcome, computed by the engine in the build. Any other
 * model (from a link) goes to the worker, so the page itself never loads the engine's simulation.
 */
const firstRun: FirstRun = (model) => (JSON.stringify(model) === START_JSON ? start.outcome : null);

/**
 * False on the server and while the page hydrates, then true. Set in a transition, so that React renders
 * the lab in short slices the browser can interrupt: with Docusaurus's BrowserOnly it was rendered with the
 * page's other updates after hydration, in one task of 100–170 ms with the CPU 4× slower (Lighthouse's mobile run).
 */
function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => {
    startTransition(() => setHydrated(true));
  }, []);
  return hydrated;
}

/** The full-page lab. The model lives in the link, so any state can be shared. */
export default function Playground(): React.JSX.Element {
  const hydrated = useHydrated();
  return (
    <Layout title="Playground" description="Build a multi-AZ service model, break zones, tasks and databases, and read what failed, what recovered and what was lost.">
      <main className={`container ${styles.page}`}>
        <Heading as="h1">Playground</Heading>
        <p className={styles.intro}>
          Build a model of a service across Availability Zones, break it, and watch what fails and what recovers. Start
          from a preset or from scratch. The whole model is kept in this page's address: copy the link to share exactly
          what you see.
        </p>
        {/* Keeps the heading levels in order: the lab's own title is an h3, as in the chapters. */}
        <Heading as="h2" className="fl-visually-hidden">
          The lab
        </Heading>
        {/* The lab is drawn in the browser only (it reads the model from the address). Until then a
            placeholder as tall as the screen holds its place, so nothing visible moves when it appears. */}
        {hydrated ? (
          <FirstRunContext.Provider value={firstRun}>
            <FailoverLab syncUrl title="Your model" />
          </FirstRunContext.Provider>
        ) : (
          <p className={styles.placeholder}>Loading the lab…</p>
        )}
      </main>
    </Layout>
  );
}
