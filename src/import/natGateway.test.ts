import {describe, expect, test} from 'vitest';
import {importInputs, type ImportResult} from './index';
import {fixture} from './fixtures';
import {runGameDay} from './gameDay';
import {recommend} from './recommend';

const rowOf = (result: ImportResult, field: string) => result.mapping.find((row) => row.field === field);

describe('a NAT gateway that tasks in several zones route through', () => {
  const result = importInputs([fixture('sharedNat')]);

  test('is the model’s zonal dependency, with where it came from and the share as an assumption', () => {
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // The template names zones by ID only (AvailabilityZoneId), so the IDs are the zone names.
    expect(result.model?.zones).toEqual(['use1-az4', 'use1-az6', 'use1-az1']);
    expect(result.model?.service?.zonalDependency).toEqual({zone: 'use1-az4', name: 'NAT gateway Nat', share: 1});
    expect(rowOf(result, 'service.zonalDependency.zone')?.source).toMatch(/^AWS::EC2::NatGateway Nat · SubnetId .* send 0\.0\.0\.0\/0 to it \(AWS::EC2::Route DefaultViaNat\)/);
    expect(rowOf(result, 'service.zonalDependency.share')).toMatchObject({value: '100 %', origin: 'estimate'});
    expect(result.notModelled.map((n) => n.type)).toEqual(['AWS::ElastiCache::ReplicationGroup']);
    expect(result.notModelled[0]!.meaning).toMatch(/replication to replicas is asynchronous: writes not yet copied are lost/);
  });

  test('the reader’s share of requests that call out replaces the assumption', () => {
    const own = importInputs([fixture('sharedNat')], {egressShare: 0.2});
    expect(own.model?.service?.zonalDependency?.share).toBe(0.2);
    expect(rowOf(own, 'service.zonalDependency.share')).toMatchObject({value: '20 %', origin: 'input'});
  });

  test('losing its zone fails requests in every zone, and the engine recommends a NAT gateway in each zone', () => {
    const model = result.model!;
    const day = runGameDay(model);
    const lostNat = day.scenarios.find((s) => s.id === 'zone-use1-az4')!;
    const lostOther = day.scenarios.find((s) => s.id === 'zone-use1-az6')!;
    if (!lostNat.ran || !lostOther.ran) throw new Error('zone losses should run');
    expect(lostNat.summary.failedByCause.dependency).toBeGreaterThan(0);
    expect(lostOther.summary.failedByCause.dependency).toBe(0);
    expect(lostNat.passed).toBe(false);
    const plan = recommend(model, {availability: 0.995, rtoSeconds: 300, rpoSeconds: 0, sessionsLost: 0}, day);
    const nat = plan.items.find((item) => item.id === 'nat-per-zone');
    expect(nat?.model.service?.zonalDependency).toBeNull();
    expect(nat?.fixes).toContain('zone-use1-az4/availability');
    expect(nat?.chapter.href).toBe('/docs/stateless-services');
  });
});

describe('NAT gateways that are not a dependency across zones', () => {
  test('a gateway only its own zone’s subnets route through: listed as adding nothing to a zone loss', () => {
    // Without the associations of PrivateB and PrivateC, only use1-az4's subnet routes through the gateway in use1-az4.
    const text = fixture('sharedNat').text.replace(/  PrivateBRoutes:[\s\S]*?(?=  Alb:)/, '');
    expect(text).not.toContain('PrivateCRoutes');
    const result = importInputs([{name: 'nat.yaml', text}]);
    expect(result.model?.service?.zonalDependency).toBeUndefined();
    const nat = result.notModelled.find((n) => n.type === 'AWS::EC2::NatGateway')!;
    expect(nat.meaning).toMatch(/^A zonal NAT gateway lives in one zone \(this one in use1-az4\)\. Only the service’s subnets in that zone route through it/);
  });

  test('a regional NAT gateway spans the zones: no dependency, and listed as such (CloudFormation and the CLI)', () => {
    const template = fixture('sharedNat').text;
    const natResource = /  Nat:\n    Type: AWS::EC2::NatGateway\n    Properties:\n/;
    expect(template).toMatch(natResource);
    const fromTemplate = importInputs([{name: 'nat.yaml', text: template.replace(natResource, (head) => `${head}      AvailabilityMode: regional\n`)}]);
    const cli = JSON.parse(fixture('vpcRouting').text) as {describeNatGateways: {NatGateways: Record<string, unknown>[]}};
    cli.describeNatGateways.NatGateways[0]!.AvailabilityMode = 'regional';
    const fromCli = importInputs([fixture('albRdsMultiAz'), {name: 'vpc.json', text: JSON.stringify(cli)}]);
    for (const result of [fromTemplate, fromCli]) {
      expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(result.model?.service?.zonalDependency).toBeUndefined();
      expect(result.notModelled.find((n) => n.type === 'AWS::EC2::NatGateway')?.meaning).toMatch(/^A regional NAT gateway \(AvailabilityMode regional\): AWS runs it in every zone/);
    }
  });

  test('a template without route tables: the gateway is listed, saying the routes are not in the input', () => {
    const result = importInputs([fixture('singleZone')]);
    expect(result.model?.service?.zonalDependency).toBeUndefined();
    expect(result.notModelled[0]!.meaning).toMatch(/this one in ap-southeast-2a.*route tables and a 0\.0\.0\.0\/0 route to it are not in it/);
  });

  test('AWS CLI: the VPC’s main route table sends the service’s subnets to one NAT gateway', () => {
    const result = importInputs([fixture('albRdsMultiAz'), fixture('vpcRouting')]);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.model?.service?.zonalDependency).toEqual({zone: 'eu-west-1a', name: 'NAT gateway nat-0a1b2c3d4e5f60718', share: 1});
    expect(rowOf(result, 'service.zonalDependency.zone')?.source).toMatch(/^ec2 describe-nat-gateways · nat-0a1b2c3d4e5f60718 .* \(ec2 describe-route-tables · rtb-0main · Routes\)/);
    expect(result.notModelled).toEqual([]);
  });

  /** Terraform state: two private subnets whose table sends 0.0.0.0/0 to one NAT gateway in zone a, and the service in them. */
  function terraformState(nat: Record<string, unknown> = {}): string {
    const subnet = (name: string, zone: string) => ({address: `aws_subnet.${name}`, mode: 'managed', type: 'aws_subnet', name, values: {id: `subnet-${name}`, availability_zone: zone, availability_zone_id: `euc1-az${zone.endsWith('a') ? 2 : 3}`}});
    return JSON.stringify({
      format_version: '1.0',
      values: {
        root_module: {
          resources: [
            subnet('a', 'eu-central-1a'),
            subnet('b', 'eu-central-1b'),
            subnet('pub', 'eu-central-1a'),
            {address: 'aws_nat_gateway.main', mode: 'managed', type: 'aws_nat_gateway', name: 'main', values: {id: 'nat-0main', subnet_id: 'subnet-pub', ...nat}},
            {address: 'aws_route_table.private', mode: 'managed', type: 'aws_route_table', name: 'private', values: {id: 'rtb-0priv', route: [{cidr_block: '0.0.0.0/0', nat_gateway_id: 'nat-0main', gateway_id: ''}]}},
            {address: 'aws_route_table_association.a', mode: 'managed', type: 'aws_route_table_association', name: 'a', values: {subnet_id: 'subnet-a', route_table_id: 'rtb-0priv'}},
            {address: 'aws_route_table_association.b', mode: 'managed', type: 'aws_route_table_association', name: 'b', values: {subnet_id: 'subnet-b', route_table_id: 'rtb-0priv'}},
            {address: 'aws_ecs_service.api', mode: 'managed', type: 'aws_ecs_service', name: 'api', values: {name: 'api', desired_count: 4, network_configuration: [{subnets: ['subnet-a', 'subnet-b']}]}},
          ],
        },
      },
    });
  }

  test('Terraform state: inline routes and associations are read the same way', () => {
    const result = importInputs([{name: 'state.json', text: terraformState()}]);
    expect(result.model?.service?.zonalDependency).toEqual({zone: 'eu-central-1a', name: 'NAT gateway aws_nat_gateway.main', share: 1});
    expect(rowOf(result, 'service.zonalDependency.zone')?.value).toBe('eu-central-1a (euc1-az2)');
    expect(result.notModelled).toEqual([]);
  });

  test('Terraform state: a regional NAT gateway (availability_mode) is no dependency either', () => {
    const result = importInputs([{name: 'state.json', text: terraformState({availability_mode: 'regional'})}]);
    expect(result.model?.service?.zonalDependency).toBeUndefined();
    expect(result.notModelled.find((n) => n.type === 'aws_nat_gateway')?.meaning).toMatch(/^A regional NAT gateway/);
  });
});
