/**
 * Benchmark of the import page's work (`npm run bench:import`): a CloudFormation
 * template of about 1 MB (the Aurora fixture plus many resources the model does
 * not hold, as a large stack has) is parsed and imported, then the whole game
 * day runs on the model, then the recommendations. Median milliseconds of 7
 * runs each, after one warm-up. The target: import and game day under 1 s.
 * On the page the game day and the recommendations run as one job in the
 * simulation worker (`runGameDayJob`), timed here too.
 */
import {readFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {importInputs} from '../src/import/index';
import {parseText} from '../src/import/parse';
import {runGameDay, DEFAULT_TARGETS} from '../src/import/gameDay';
import {recommend} from '../src/import/recommend';
import {runGameDayJob} from '../src/import/gameDayJob';

const base = readFileSync(path.join(__dirname, '..', 'src', 'import', 'fixtures', 'cfn-aurora-replica.yaml'), 'utf8');

/** One filler resource: a Lambda function with an inline policy and environment, as real templates hold. */
function filler(i: number): string {
  return `  Worker${i}:
    Type: AWS::Lambda::Function
    Properties:
      FunctionName: !Sub '\${ServiceName}-worker-${i}'
      Runtime: nodejs20.x
      Handler: index.handler
      MemorySize: 256
      Timeout: 30
      Role: !GetAtt WorkerRole${i}.Arn
      Environment:
        Variables:
          QUEUE_URL: !Ref OrdersQueue
          TABLE: !Join ['-', [!Ref ServiceName, table, '${i}']]
          LEVEL: info
      Tags:
        - Key: team
          Value: orders
        - Key: index
          Value: '${i}'
  WorkerRole${i}:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: {Service: lambda.amazonaws.com}
            Action: sts:AssumeRole
      Policies:
        - PolicyName: queue-${i}
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: [sqs:ReceiveMessage, sqs:DeleteMessage, sqs:GetQueueAttributes]
                Resource: !GetAtt OrdersQueue.Arn
`;
}

let text = base;
for (let i = 0; text.length < 1024 * 1024; i++) text += filler(i);

// The same template as CloudFormation JSON, which skips the YAML parser.
const parsed = parseText(text);
if (!parsed.ok) throw new Error(parsed.message);
const json = JSON.stringify(parsed.documents[0]);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function time<T>(run: () => T): {ms: number; value: T} {
  const started = performance.now();
  const value = run();
  return {ms: performance.now() - started, value};
}

const runs = {import: [] as number[], importJson: [] as number[], gameDay: [] as number[], recommend: [] as number[], job: [] as number[]};
let scenarios = 0;
let resources = 0;
for (let i = 0; i < 8; i++) {
  const imported = time(() => importInputs([{name: 'large.yaml', text}]));
  if (!imported.value.model) throw new Error(imported.value.problems.map((p) => p.message).join('\n'));
  const importedJson = time(() => importInputs([{name: 'large.json', text: json}]));
  const day = time(() => runGameDay(imported.value.model!, DEFAULT_TARGETS));
  const plan = time(() => recommend(imported.value.model!, DEFAULT_TARGETS, day.value));
  const job = time(() => runGameDayJob(imported.value.model!, {targets: DEFAULT_TARGETS, zoneIds: imported.value.zoneIds}));
  if (!job.value.ok) throw new Error(job.value.problem);
  if (i === 0) continue; // warm-up
  runs.import.push(imported.ms);
  runs.importJson.push(importedJson.ms);
  runs.gameDay.push(day.ms);
  runs.recommend.push(plan.ms);
  runs.job.push(job.ms);
  scenarios = day.value.scenarios.length;
  resources = imported.value.notModelled.length;
}

const row = (label: string, ms: number) => console.log(`| ${label} | ${ms.toFixed(1)} |`);
console.log(`Load average ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} on ${os.cpus().length} cores (figures scale with it).`);
console.log(`Template: ${(text.length / 1024).toFixed(0)} KB, ${resources} resources listed as not modelled; game day: ${scenarios} scenarios.\n`);
console.log('| step | median ms |\n|---|---:|');
row('parse and import (YAML)', median(runs.import));
row(`parse and import (the same as JSON, ${(json.length / 1024).toFixed(0)} KB)`, median(runs.importJson));
row('game day', median(runs.gameDay));
row('import (YAML) + game day', median(runs.import.map((ms, i) => ms + runs.gameDay[i]!)));
row('import (JSON) + game day', median(runs.importJson.map((ms, i) => ms + runs.gameDay[i]!)));
row('recommendations (each candidate re-runs the game day)', median(runs.recommend));
row('the worker’s job: game day + recommendations (runGameDayJob)', median(runs.job));
