import React, {useState} from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import ServiceImport from '@site/src/components/ServiceImport';
import {SHELL_SNIPPET} from '@site/src/import/snippet';
import {AZ_IDS_DOC} from '@site/src/import/zoneIds';
import styles from './import.module.css';

function CopySnippet(): React.JSX.Element {
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(SHELL_SNIPPET);
      setStatus('Copied.');
    } catch {
      setStatus('Copying is blocked here: select the snippet and copy it.');
    }
  };
  return (
    <div className={styles.snippet}>
      <pre tabIndex={0} aria-label="Shell snippet collecting the describe and list calls into one file">
        <code>{SHELL_SNIPPET}</code>
      </pre>
      <button type="button" className={clsx('button button--secondary', styles.copy)} onClick={() => void copy()}>
        Copy the snippet
      </button>
      <span role="status" className={styles.status}>
        {status}
      </span>
    </div>
  );
}

/** Import your own service, break each zone, and get a report card. Everything happens in the browser. */
export default function ImportPage(): React.JSX.Element {
  return (
    <Layout
      title="Import your service"
      description="Import your own ECS service from AWS CLI output, a CloudFormation template or a Terraform plan, lose each zone in a game day, and get a report card with recommendations. Nothing leaves your browser.">
      <main className={clsx('container', styles.page)}>
        <Heading as="h1">Import your service</Heading>
        <div className="fl-print-hide">
          <p>
            What does losing a zone do to <em>your</em> service? Describe it with AWS CLI output, a CloudFormation template or a Terraform plan, and this page builds the
            course’s model of it, says where every figure came from, runs a game day in the engine and recommends the smallest changes that meet your targets.{' '}
            <strong>Nothing you paste leaves your browser</strong>: the page fetches nothing and sends nothing.
          </p>
          <p>
            It reads one ECS service behind an Application or Network Load Balancer, and its RDS or Aurora database. A NAT gateway that the service’s subnets in several
            zones route through (when the input holds the route tables: the snippet collects them) is simulated as a{' '}
            <Link to="/docs/stateless-services#single-zone-dependencies">dependency in one zone</Link> that fails with it. Everything else it finds is listed with what it
            means when a zone is lost, and not simulated: other NAT gateways (each zone’s own adds nothing to a zone loss), ElastiCache (a replication group promotes a
            replica in another zone, but replication is asynchronous, so the last writes can be lost), queues, functions. The{' '}
            <Link to="/docs/reference/model-api">model reference</Link> says what the engine simplifies.
          </p>
          <p>
            Zones show their zone ID beside their name where the input gives it, as in <code>us-east-1a (use1-az1)</code>: in AWS’s oldest Regions a zone name can stand for a
            different physical zone in each account created before November 2025, while a zone ID is the same place in every account, so compare zones across accounts by ID (
            <a href={AZ_IDS_DOC}>AWS: AZ IDs</a>).
          </p>

          <Heading as="h2" id="collect">
            Collect the description
          </Heading>
          <details className={styles.source}>
            <summary>AWS CLI: a read-only snippet</summary>
            <p>
              It runs only <code>describe</code> and <code>list</code> calls (ECS services, their running tasks and task definition, the load balancer, its target group, attributes and target health, the subnets, the
              RDS instance or cluster) and writes them into one file. Set the names at the top; you need read access, nothing more. You can also paste each output below, one
              after another. The running tasks (<code>describe-tasks</code>) say which zone each task is in; without them the page assumes the tasks are spread evenly. The
              VPC’s subnets give each zone’s ID, and its route tables and NAT gateways say through which zone the tasks reach the internet.
            </p>
            <CopySnippet />
          </details>
          <details className={styles.source}>
            <summary>CloudFormation</summary>
            <p>
              Paste or choose the template, YAML (short-form tags such as <code>!Ref</code>, <code>!GetAtt</code>, <code>!Sub</code>, <code>!If</code> included) or JSON.
              Parameters take their defaults and conditions are worked out from them; what is known only at deploy time (the region’s zone names, another stack’s exports) is
              reported by resource and attribute.
            </p>
          </details>
          <details className={styles.source}>
            <summary>Terraform</summary>
            <p>
              HCL itself is not read: Terraform resolves variables, modules and counts only when it plans. Give the page its JSON instead:{' '}
              <code>terraform plan -out plan.out</code> then <code>terraform show -json plan.out &gt; plan.json</code>, or, for what is deployed,{' '}
              <code>terraform show -json &gt; state.json</code>.
            </p>
          </details>
        </div>
        <ServiceImport />
      </main>
    </Layout>
  );
}
