// The floor of the fleet sweep: the same requests as `list --all` (the subscriptions page by page
// beside one Resource Graph query for the deployments, each page's keys read as it comes), 64 in
// flight, through Node's own https client with a keep-alive agent: no Azure SDK, no retries, no
// checks, no table. It prints the same answers as one JSON document. What is left is what Node,
// TLS and JSON take for this fleet on this machine.
import { readFileSync } from 'node:fs';
import https from 'node:https';

const IN_FLIGHT = 64;
const base = process.env.NGINXAAS_ARM_ENDPOINT;
const agent = new https.Agent({
  keepAlive: true,
  maxSockets: IN_FLIGHT,
  ca: readFileSync(process.env.NGINXAAS_ARM_CA),
});
const headers = { authorization: `Bearer ${process.env.NGINXAAS_ACCESS_TOKEN}` };

function send(url, body) {
  return new Promise((resolve, reject) => {
    const request = https.request(
      url.startsWith('https://') ? url : `${base}${url}`,
      {
        agent,
        method: body ? 'POST' : 'GET',
        headers: body ? { ...headers, 'content-type': 'application/json' } : headers,
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve(JSON.parse(text)));
      },
    );
    request.on('error', reject);
    request.end(body ? JSON.stringify(body) : undefined);
  });
}

/** Resource Graph's rows of every deployment, page by page; each page handed to `onPage` as it comes. */
async function graph(onPage) {
  const rows = [];
  let skipToken;
  do {
    const page = await send('/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01', {
      query: "resources | where type =~ 'nginx.nginxplus/nginxdeployments' | project id, name, subscriptionId",
      options: { resultFormat: 'objectArray', $skipToken: skipToken },
    });
    rows.push(...page.data);
    onPage(page.data);
    skipToken = page.$skipToken;
  } while (skipToken);
  return rows;
}

/** Every page of a list. */
async function all(url) {
  const items = [];
  for (let next = url; next;) {
    const page = await send(next);
    items.push(...page.value);
    next = page.nextLink;
  }
  return items;
}

/** `work` on each item as items are added, IN_FLIGHT at a time; `done` resolves once the last is added and read. */
function pool(work) {
  const items = [];
  const results = new Map();
  let next = 0;
  let running = 0;
  let closed = false;
  let finish;
  const done = new Promise((resolve) => (finish = resolve));
  const worker = async () => {
    running++;
    while (next < items.length) {
      const item = items[next++];
      results.set(item, await work(item));
    }
    running--;
    if (closed && running === 0) finish(results);
  };
  const pump = () => {
    while (running < IN_FLIGHT && next < items.length) void worker();
  };
  return {
    add: (more) => (items.push(...more), pump()),
    close: () => ((closed = true), running === 0 && next === items.length && finish(results), done),
  };
}

// As list --all: the keys are read as Resource Graph's pages come, beside the subscription list.
const keysOf = pool((row) => all(`${row.id}/apiKeys?api-version=2025-11-01`));
const [subscriptions, rows] = await Promise.all([all('/subscriptions?api-version=2022-12-01'), graph(keysOf.add)]);
const keys = await keysOf.close();
const visible = new Set(subscriptions.map((s) => s.subscriptionId));
const deployments = rows.filter((row) => visible.has(row.subscriptionId));
process.stdout.write(
  JSON.stringify({
    subscriptions,
    deployments: deployments.map((deployment) => ({ deployment, keys: keys.get(deployment) })),
  }),
);
agent.destroy();
