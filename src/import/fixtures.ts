/** The importer's test fixtures, read from disk (tests and the benchmark only). */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {ImportInput} from './types';

export const FIXTURES = {
  albRdsMultiAz: 'aws-cli-alb-rds-multi-az.json',
  auroraReplica: 'cfn-aurora-replica.yaml',
  singleZone: 'cfn-single-zone.json',
  nlbTwoZones: 'aws-cli-nlb-two-zones.txt',
  parametersConditions: 'cfn-parameters-conditions.yaml',
  terraformPlan: 'terraform-plan.json',
  describeTasks: 'aws-cli-describe-tasks.json',
  twoServices: 'aws-cli-two-services.json',
  sharedNat: 'cfn-shared-nat.yaml',
  vpcRouting: 'aws-cli-vpc-routing.json',
} as const;

export function fixture(name: keyof typeof FIXTURES): ImportInput {
  const file = FIXTURES[name];
  return {name: file, text: readFileSync(path.join(__dirname, 'fixtures', file), 'utf8')};
}
