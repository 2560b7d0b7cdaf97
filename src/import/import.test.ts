import {describe, expect, test} from 'vitest';
import {importInputs, MAX_INPUT_BYTES, type ImportResult} from '@site/src/import';
import {fixture} from './fixtures';

const rowOf = (result: ImportResult, field: string) => result.mapping.find((row) => row.field === field);
const errors = (result: ImportResult) => result.problems.filter((p) => p.severity === 'error');

describe('AWS CLI bundle: ECS behind an ALB with RDS Multi-AZ', () => {
  const result = importInputs([fixture('albRdsMultiAz')]);

  test('yields the model field by field', () => {
    expect(result.problems).toEqual([]);
    expect(result.formats).toEqual(['aws-cli']);
    expect(result.serviceName).toBe('checkout');
    expect(result.model).toEqual({
      zones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      service: {desiredCount: 6, capacityPerTask: 100, sticky: false, sessionStore: 'multi-zone'},
      traffic: {requestsPerSecond: 100},
      loadBalancer: {crossZone: true, healthCheck: {intervalSeconds: 10, timeoutSeconds: 5, healthyThreshold: 3, unhealthyThreshold: 2}, deregistrationDelaySeconds: 60},
      scheduler: {rebalance: true},
      database: {kind: 'multi-az-instance', primaryZone: 'eu-west-1a', standbyZone: 'eu-west-1b'},
    });
  });

  test('the mapping says where each value came from', () => {
    expect(rowOf(result, 'service.desiredCount')).toMatchObject({value: '6', origin: 'input', source: 'ecs describe-services · checkout · desiredCount'});
    expect(rowOf(result, 'loadBalancer.healthCheck.intervalSeconds')).toMatchObject({origin: 'input', source: 'elbv2 describe-target-groups · checkout · HealthCheckIntervalSeconds'});
    expect(rowOf(result, 'loadBalancer.deregistrationDelaySeconds')?.source).toBe('elbv2 describe-target-group-attributes · checkout · deregistration_delay.timeout_seconds');
    expect(rowOf(result, 'loadBalancer.crossZone')).toMatchObject({origin: 'aws-default'});
    expect(rowOf(result, 'loadBalancer.crossZone')?.link).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    // The task definition's container check (15 s × 2) is named but does not set the notice time: it dies with the host.
    expect(rowOf(result, 'scheduler.noticeSeconds')).toMatchObject({value: '90 s', origin: 'estimate'});
    expect(rowOf(result, 'scheduler.noticeSeconds')?.source).toMatch(/Your container health check \(15 s × 2 retries; ecs describe-task-definition · .*\) runs on the task’s host/);
    expect(rowOf(result, 'database.standbyZone')).toMatchObject({value: 'eu-west-1b', source: 'rds describe-db-instances · shop-db · SecondaryAvailabilityZone'});
    expect(rowOf(result, 'traffic.requestsPerSecond')?.origin).toBe('estimate');
    expect(result.mapping[0]!.field).toBe('zones');
  });

  test('the reader’s own figures replace the estimates', () => {
    const own = importInputs([fixture('albRdsMultiAz')], {requestsPerSecond: 900, capacityPerTask: 250});
    expect(own.model?.traffic).toEqual({requestsPerSecond: 900});
    expect(own.model?.service?.capacityPerTask).toBe(250);
    expect(rowOf(own, 'traffic.requestsPerSecond')?.origin).toBe('input');
  });

  test('the same outputs pasted one by one give the same model', () => {
    const bundle = JSON.parse(fixture('albRdsMultiAz').text) as Record<string, unknown>;
    const pasted = Object.entries(bundle).map(([key, value]) => ({name: key, text: JSON.stringify(value, null, 2)}));
    expect(importInputs(pasted).model).toEqual(result.model);
  });
});

test('CloudFormation YAML: Aurora with a replica, short-form tags', () => {
  const result = importInputs([fixture('auroraReplica')]);
  expect(errors(result)).toEqual([]);
  expect(result.formats).toEqual(['cloudformation']);
  expect(result.model).toEqual({
    zones: ['us-east-1a', 'us-east-1b'],
    service: {desiredCount: 4, capacityPerTask: 100, sticky: true, sessionStore: 'task-memory'},
    traffic: {requestsPerSecond: 100},
    loadBalancer: {crossZone: true, healthCheck: {intervalSeconds: 15, unhealthyThreshold: 3}, deregistrationDelaySeconds: 30},
    scheduler: {},
    database: {kind: 'aurora', writerZone: 'us-east-1a', replicaZones: ['us-east-1b'], storageZones: ['us-east-1a', 'us-east-1b', 'us-east-1c']},
  });
  expect(rowOf(result, 'service.desiredCount')?.source).toBe('AWS::ECS::Service Service · DesiredCount');
  expect(rowOf(result, 'loadBalancer.healthCheck.timeoutSeconds')).toMatchObject({value: '5 s', origin: 'aws-default'});
  expect(rowOf(result, 'service.sessionStore')?.origin).toBe('estimate');
  expect(result.notModelled).toEqual([expect.objectContaining({type: 'AWS::SQS::Queue', name: 'OrdersQueue'})]);
});

test('CloudFormation JSON: a single-zone service behind a two-zone ALB, Single-AZ database, one NAT gateway', () => {
  const result = importInputs([fixture('singleZone')]);
  expect(errors(result)).toEqual([]);
  expect(result.model).toEqual({
    zones: ['ap-southeast-2a', 'ap-southeast-2b'],
    service: {tasksPerZone: {'ap-southeast-2a': 2, 'ap-southeast-2b': 0}, capacityPerTask: 100, sticky: false, sessionStore: 'multi-zone'},
    traffic: {requestsPerSecond: 100},
    loadBalancer: {crossZone: true, healthCheck: {}},
    scheduler: {},
    database: {kind: 'single-az', zone: 'ap-southeast-2a'},
  });
  expect(rowOf(result, 'database.kind')?.source).toBe('AWS::RDS::DBInstance Database · MultiAZ');
  expect(result.notModelled.map((n) => n.type)).toEqual(['AWS::EC2::NatGateway']);
  expect(result.notModelled[0]!.meaning).toMatch(/one zone/);
});

test('AWS CLI outputs pasted one after another: a two-zone NLB with cross-zone off', () => {
  const result = importInputs([fixture('nlbTwoZones')]);
  expect(errors(result)).toEqual([]);
  expect(result.model).toEqual({
    zones: ['us-west-2a', 'us-west-2b'],
    service: {desiredCount: 4, capacityPerTask: 100, sticky: false, sessionStore: 'multi-zone'},
    traffic: {requestsPerSecond: 100},
    loadBalancer: {crossZone: false, healthCheck: {intervalSeconds: 30, timeoutSeconds: 10, healthyThreshold: 5, unhealthyThreshold: 2}, deregistrationDelaySeconds: 300},
    scheduler: {rebalance: false},
  });
  expect(rowOf(result, 'loadBalancer.crossZone')).toMatchObject({value: 'off', origin: 'input', source: 'elbv2 describe-load-balancer-attributes · ingest · load_balancing.cross_zone.enabled'});
  expect(rowOf(result, 'loadBalancer.type')?.value).toBe('Network Load Balancer');
  expect(rowOf(result, 'database')?.value).toBe('none');
});

test('CloudFormation with parameters, conditions, mappings and GetAZs', () => {
  const result = importInputs([fixture('parametersConditions')]);
  expect(errors(result)).toEqual([]);
  expect(result.model).toEqual({
    zones: ['az-1', 'az-2', 'az-3'],
    service: {desiredCount: 6, capacityPerTask: 100, sticky: false, sessionStore: 'multi-zone'},
    traffic: {requestsPerSecond: 100},
    loadBalancer: {crossZone: true, healthCheck: {intervalSeconds: 10, timeoutSeconds: 4}, deregistrationDelaySeconds: 45},
    scheduler: {},
    database: {kind: 'multi-az-instance', primaryZone: 'az-1', standbyZone: 'az-2'},
  });
  // The parameter with no default is reported by resource and attribute, and the default used instead.
  expect(result.problems).toEqual([expect.objectContaining({severity: 'warning', resource: 'Targets', attribute: 'HealthyThresholdCount'})]);
  expect(result.problems[0]!.message).toMatch(/parameter HealthyCount has no default/);
  expect(rowOf(result, 'zones')?.source).toMatch(/Fn::GetAZs/);
  expect(rowOf(result, 'database.primaryZone')?.origin).toBe('estimate');
  // The dev-only cache is not created (IsDev is false with the defaults); the table is listed.
  expect(result.notModelled.map((n) => n.name)).toEqual(['Sessions']);
});

test('Terraform plan with modules: ALB, asynchronous read replica, SQS, Lambda, NAT gateway', () => {
  const result = importInputs([fixture('terraformPlan')]);
  expect(errors(result)).toEqual([]);
  expect(result.formats).toEqual(['terraform']);
  expect(result.model).toEqual({
    zones: ['eu-central-1a', 'eu-central-1b', 'eu-central-1c'],
    service: {desiredCount: 3, capacityPerTask: 100, sticky: false, sessionStore: 'multi-zone'},
    traffic: {requestsPerSecond: 100},
    loadBalancer: {crossZone: true, healthCheck: {intervalSeconds: 5, timeoutSeconds: 3, healthyThreshold: 2, unhealthyThreshold: 2}, deregistrationDelaySeconds: 120},
    scheduler: {rebalance: true},
    database: {kind: 'async-replica', primaryZone: 'eu-central-1a', replicaZone: 'eu-central-1c'},
  });
  expect(rowOf(result, 'zones')?.source).toContain('module.network.aws_subnet.private[2]');
  expect(result.notModelled.map((n) => n.type)).toEqual(['aws_sqs_queue', 'aws_lambda_function', 'aws_nat_gateway']);
});

describe('bad input', () => {
  const one = (text: string, name = 'input.json') => importInputs([{name, text}]);

  test('invalid JSON names the line and column', () => {
    const result = one('{\n  "services": [\n    {"serviceName": "a",}\n  ]\n}');
    expect(result.model).toBeNull();
    expect(errors(result)[0]!.message).toMatch(/^input\.json: invalid JSON at line 3, column 25: /);
  });

  test('invalid YAML names the line and column', () => {
    const result = one('Resources:\n  A:\n    Type: [AWS::SQS::Queue\n  B: 1\n', 'template.yaml');
    expect(errors(result)[0]!.message).toMatch(/^template\.yaml: invalid YAML at line \d+, column \d+/);
  });

  test('an unknown YAML tag is named', () => {
    const result = one('Resources:\n  A:\n    Type: !Foo X\n', 'template.yaml');
    expect(errors(result)[0]!.message).toMatch(/unknown YAML tag at line 3, column \d+: !Foo is not a CloudFormation intrinsic function/);
  });

  test('an unknown document shape lists the shapes that are read', () => {
    const result = one('{"hello": {"world": 1}}');
    expect(errors(result)[0]!.message).toMatch(/an object with hello, which is none of the shapes/);
  });

  test('HCL is refused with how to produce the JSON', () => {
    const result = one('resource "aws_ecs_service" "api" {\n  desired_count = 2\n}\n', 'main.tf');
    expect(errors(result)[0]!.message).toMatch(/Terraform HCL.*terraform show -json/);
  });

  test('only a target group: says what is missing', () => {
    const bundle = JSON.parse(fixture('albRdsMultiAz').text) as Record<string, unknown>;
    const result = one(JSON.stringify(bundle.describeTargetGroups));
    expect(result.model).toBeNull();
    const messages = result.problems.map((p) => p.message).join('\n');
    expect(messages).toMatch(/No ECS service was found/);
    expect(messages).toMatch(/zones could not be resolved/);
  });

  test('a service without its load balancer still imports, with defaults and a warning', () => {
    const bundle = JSON.parse(fixture('albRdsMultiAz').text) as Record<string, unknown>;
    const result = importInputs([{name: 'services', text: JSON.stringify(bundle.describeServices)}, {name: 'subnets', text: JSON.stringify(bundle.describeSubnets)}]);
    expect(result.model?.zones).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
    expect(rowOf(result, 'loadBalancer')?.origin).toBe('estimate');
    expect(rowOf(result, 'loadBalancer.healthCheck.intervalSeconds')).toMatchObject({value: '30 s', origin: 'aws-default'});
  });

  test('a service whose subnets are not described: the subnet is named', () => {
    const bundle = JSON.parse(fixture('albRdsMultiAz').text) as Record<string, unknown>;
    const result = one(JSON.stringify(bundle.describeServices));
    expect(result.model).toBeNull();
    expect(errors(result)[0]).toMatchObject({resource: 'subnet-0aaa1111', attribute: 'AvailabilityZone'});
    expect(errors(result)[0]!.message).toMatch(/aws ec2 describe-subnets/);
  });

  test('a template whose zones cannot be resolved names the subnet and why', () => {
    const template = 'Parameters:\n  Zone:\n    Type: AWS::EC2::AvailabilityZone::Name\nResources:\n  Sub:\n    Type: AWS::EC2::Subnet\n    Properties:\n      AvailabilityZone: !Ref Zone\n  Svc:\n    Type: AWS::ECS::Service\n    Properties:\n      DesiredCount: 2\n      NetworkConfiguration:\n        AwsvpcConfiguration:\n          Subnets: [!Ref Sub]\n';
    const result = one(template, 'template.yaml');
    expect(result.model).toBeNull();
    expect(errors(result)[0]).toMatchObject({resource: 'Sub', attribute: 'AvailabilityZone'});
    expect(errors(result)[0]!.message).toMatch(/parameter Zone has no default/);
  });

  test('two services where one was expected', () => {
    const bundle = JSON.parse(fixture('albRdsMultiAz').text) as {describeServices: {services: {serviceName: string}[]}};
    const services = bundle.describeServices.services;
    const result = one(JSON.stringify({services: [services[0], {...services[0], serviceName: 'payments'}]}));
    expect(result.model).toBeNull();
    expect(errors(result)[0]!.message).toMatch(/2 ECS services were found \(checkout, payments\) where one was expected: choose the one to import/);
    expect(result.services).toEqual(['checkout', 'payments']);
  });

  test('a file over the size limit', () => {
    const result = one(`{"pad": "${'x'.repeat(MAX_INPUT_BYTES)}"}`);
    expect(errors(result)[0]!.message).toMatch(/over the 5 MB limit/);
  });

  test('nothing pasted', () => {
    expect(errors(importInputs([{name: 'pasted', text: '  '}]))[0]!.message).toMatch(/Nothing to import/);
  });
});

describe('running tasks (ecs describe-tasks) set the spread', () => {
  test('tasks per zone where the tasks run, not an even spread; a task being stopped is left out', () => {
    const result = importInputs([fixture('albRdsMultiAz'), fixture('describeTasks')]);
    expect(result.problems).toEqual([]);
    expect(result.model?.service).toEqual({tasksPerZone: {'eu-west-1a': 3, 'eu-west-1b': 2, 'eu-west-1c': 1}, capacityPerTask: 100, sticky: false, sessionStore: 'multi-zone'});
    expect(rowOf(result, 'service.tasksPerZone')).toMatchObject({
      value: 'eu-west-1a (euw1-az3): 3, eu-west-1b (euw1-az1): 2, eu-west-1c (euw1-az2): 1',
      origin: 'input',
      source: 'ecs describe-tasks · tasks[].availabilityZone: where the 6 running tasks are',
    });
  });

  test('without describe-tasks the mapping says the spread is assumed even', () => {
    const result = importInputs([fixture('albRdsMultiAz')]);
    expect(rowOf(result, 'service.tasksPerZone')).toMatchObject({value: 'eu-west-1a (euw1-az3): 2, eu-west-1b (euw1-az1): 2, eu-west-1c (euw1-az2): 2', origin: 'estimate'});
    expect(rowOf(result, 'service.tasksPerZone')?.source).toMatch(/^assumed even: no ecs describe-tasks output/);
  });

  test('tasks that do not add up to the desired count (a deployment under way) fall back to even, with a warning', () => {
    const tasks = JSON.parse(fixture('describeTasks').text) as {tasks: unknown[]};
    const result = importInputs([fixture('albRdsMultiAz'), {name: 'tasks.json', text: JSON.stringify({tasks: tasks.tasks.slice(0, 4), failures: []})}]);
    expect(result.model?.service?.desiredCount).toBe(6);
    expect(result.problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/ecs describe-tasks shows 4 running tasks against a desired count of 6 .* assumed even/));
    expect(rowOf(result, 'service.tasksPerZone')?.source).toMatch(/^assumed even: no ecs describe-tasks output that fits/);
  });
});

describe('zone IDs from ec2 describe-subnets', () => {
  test('kept beside each zone name, in the result and the mapping', () => {
    const result = importInputs([fixture('albRdsMultiAz')]);
    expect(result.zoneIds).toEqual({'eu-west-1a': 'euw1-az3', 'eu-west-1b': 'euw1-az1', 'eu-west-1c': 'euw1-az2'});
    expect(rowOf(result, 'zones')?.value).toBe('eu-west-1a (euw1-az3), eu-west-1b (euw1-az1), eu-west-1c (euw1-az2)');
    expect(rowOf(result, 'zones')?.source).toMatch(/zone IDs from the subnets’ AvailabilityZoneId \(3 of 3 zones\)/);
  });

  test('an input without them says where to get them', () => {
    const result = importInputs([fixture('singleZone')]);
    expect(result.zoneIds).toEqual({});
    expect(rowOf(result, 'zones')?.source).toMatch(/no zone IDs in the input \(ec2 describe-subnets gives them\)/);
  });
});

describe('several services in one input: the reader picks one', () => {
  test('without a choice: a message, and the services to choose from', () => {
    const result = importInputs([fixture('twoServices')]);
    expect(result.model).toBeNull();
    expect(result.services).toEqual(['orders', 'search']);
    expect(errors(result)[0]).toMatchObject({resource: 'orders, search'});
  });

  test('the chosen service is imported with its own target group and tasks', () => {
    const orders = importInputs([fixture('twoServices')], {service: 'orders'});
    expect(errors(orders)).toEqual([]);
    expect(orders.serviceName).toBe('orders');
    expect(orders.services).toEqual(['orders', 'search']);
    expect(orders.model?.zones).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect(orders.model?.service?.tasksPerZone).toEqual({'us-east-1a': 3, 'us-east-1b': 1, 'us-east-1c': 0});
    expect(orders.model?.loadBalancer?.healthCheck?.intervalSeconds).toBe(10);
    expect(orders.zoneIds).toEqual({'us-east-1a': 'use1-az4', 'us-east-1b': 'use1-az6', 'us-east-1c': 'use1-az1'});
    expect(orders.problems.map((p) => p.message)).toContain('The input holds 2 ECS services; this import is of orders (not of search).');

    const search = importInputs([fixture('twoServices')], {service: 'search'});
    expect(search.serviceName).toBe('search');
    expect(search.model?.service?.tasksPerZone).toEqual({'us-east-1a': 1, 'us-east-1b': 1, 'us-east-1c': 1});
    expect(search.model?.loadBalancer?.healthCheck?.intervalSeconds).toBe(30);
  });

  test('a choice that is not in the input is not guessed', () => {
    expect(importInputs([fixture('twoServices')], {service: 'billing'}).model).toBeNull();
  });
});
