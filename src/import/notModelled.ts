/**
 * Resources the model does not hold, and what each means when a zone is lost,
 * in one line. Keyed by CloudFormation type and Terraform type.
 */

const MEANINGS: {types: string[]; label: string; meaning: string}[] = [
  {types: ['AWS::SQS::Queue', 'aws_sqs_queue'], label: 'SQS queue', meaning: 'SQS is a regional service that stores messages across zones: a zone loss does not lose the queue, but messages a lost task had received come back after their visibility timeout and may be processed twice.'},
  {types: ['AWS::SNS::Topic', 'aws_sns_topic'], label: 'SNS topic', meaning: 'SNS is regional: a zone loss does not stop it, but subscribers running in the lost zone miss or retry deliveries.'},
  {types: ['AWS::Lambda::Function', 'aws_lambda_function'], label: 'Lambda function', meaning: 'Lambda runs functions in several zones of the region; a function attached to a VPC runs only in the subnets it is given, so give it subnets in more than one zone.'},
  {types: ['AWS::EC2::NatGateway', 'aws_nat_gateway'], label: 'NAT gateway', meaning: 'A zonal NAT gateway, the default, lives in one zone: tasks in other zones whose route tables send outbound traffic through it lose internet access when its zone is lost. One NAT gateway per zone, or a regional NAT gateway, avoids it.'},
  {types: ['AWS::ElastiCache::CacheCluster', 'aws_elasticache_cluster'], label: 'ElastiCache cluster', meaning: 'A cache cluster’s nodes each live in one zone, and a single-node cache is lost with its zone, data included; if it holds sessions, set the session store to single-zone in the lab.'},
  {types: ['AWS::ElastiCache::ServerlessCache', 'aws_elasticache_serverless_cache'], label: 'ElastiCache Serverless cache', meaning: 'ElastiCache Serverless stores its data redundantly across three zones on its own, with no Multi-AZ setting to choose: a zone loss does not take the cache away.'},
  {types: ['AWS::ElastiCache::ReplicationGroup', 'aws_elasticache_replication_group'], label: 'ElastiCache replication group', meaning: 'With Multi-AZ on, ElastiCache promotes a replica in another zone when the primary’s zone is lost, but replication to replicas is asynchronous: writes not yet copied are lost, and the switch takes seconds to minutes.'},
  {types: ['AWS::DynamoDB::Table', 'aws_dynamodb_table'], label: 'DynamoDB table', meaning: 'DynamoDB replicates every table across zones of the region: a zone loss does not take it away.'},
  {types: ['AWS::S3::Bucket', 'aws_s3_bucket'], label: 'S3 bucket', meaning: 'S3 Standard stores objects across several zones; only S3 One Zone classes and directory buckets live in one zone.'},
  {types: ['AWS::EFS::FileSystem', 'aws_efs_file_system'], label: 'EFS file system', meaning: 'EFS Regional keeps data in several zones (tasks reach it through a mount target in their own zone); EFS One Zone is lost with its zone.'},
  {types: ['AWS::Kinesis::Stream', 'aws_kinesis_stream'], label: 'Kinesis stream', meaning: 'Kinesis Data Streams is regional and replicates across zones; consumers in the lost zone stop until they are restarted elsewhere.'},
  {types: ['AWS::Events::Rule', 'aws_cloudwatch_event_rule'], label: 'EventBridge rule', meaning: 'EventBridge is regional: a zone loss does not stop rules, but targets in the lost zone miss or retry events.'},
  {types: ['AWS::ApiGateway::RestApi', 'AWS::ApiGatewayV2::Api', 'aws_api_gateway_rest_api', 'aws_apigatewayv2_api'], label: 'API Gateway API', meaning: 'API Gateway is regional; what it calls (a VPC link to a load balancer, a Lambda) decides what a zone loss does.'},
  {types: ['AWS::CloudFront::Distribution', 'aws_cloudfront_distribution'], label: 'CloudFront distribution', meaning: 'CloudFront runs at edge locations outside your zones; its origin (the load balancer) decides what a zone loss does.'},
  {types: ['AWS::AutoScaling::AutoScalingGroup', 'aws_autoscaling_group'], label: 'Auto Scaling group', meaning: 'An Auto Scaling group replaces instances lost with a zone in its other zones, if it has subnets in them; the model holds ECS tasks, not instances.'},
  {types: ['AWS::EC2::Instance', 'aws_instance'], label: 'EC2 instance', meaning: 'A lone instance lives in one zone and is lost with it; nothing replaces it unless an Auto Scaling group or a script does.'},
  {types: ['AWS::ApplicationAutoScaling::ScalableTarget', 'aws_appautoscaling_target'], label: 'Service auto scaling', meaning: 'Scaling can add tasks after a zone loss, but only after its alarms fire and new tasks start: the model keeps the desired count fixed, which is what static stability plans for.'},
  {types: ['AWS::OpenSearchService::Domain', 'aws_opensearch_domain', 'aws_elasticsearch_domain'], label: 'OpenSearch domain', meaning: 'With zone awareness on, OpenSearch keeps replica shards in other zones; with it off, a zone loss can take shards away.'},
  {types: ['AWS::MSK::Cluster', 'aws_msk_cluster'], label: 'MSK cluster', meaning: 'MSK spreads brokers over zones; a topic survives a zone loss when its replication factor and min.insync.replicas allow it.'},
];

const BY_TYPE = new Map<string, {label: string; meaning: string}>();
for (const entry of MEANINGS) for (const type of entry.types) BY_TYPE.set(type, entry);

/** What a resource type means in a zone loss, if the importer knows it. */
export function notModelledMeaning(type: string): {label: string; meaning: string} | undefined {
  return BY_TYPE.get(type);
}

/** What a second database, not modelled, means. */
export const EXTRA_DATABASE_MEANING = 'The model has one database; this one was not simulated. Import it on its own to see what a zone loss does to it.';
