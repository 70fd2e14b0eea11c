// The floor of the fleet sweep: the same requests as `list --all` (the subscriptions page by page
// beside one Resource Graph query for the deployments, then each deployment's keys), 64 in flight, through Node's own https client
// with a keep-alive agent: no Azure SDK, no retries, no checks, no table. It prints the same answers
// as one JSON document. What is left is what Node, TLS and JSON take for this fleet on this machine.
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

/** Resource Graph's rows of every deployment, page by page. */
async function graph() {
  const rows = [];
  let skipToken;
  do {
    const page = await send('/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01', {
      query: "resources | where type =~ 'nginx.nginxplus/nginxdeployments' | project id, name, subscriptionId",
      options: { resultFormat: 'objectArray', $skipToken: skipToken },
    });
    rows.push(...page.data);
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

/** `work` on each item, IN_FLIGHT at a time. */
async function pool(items, work) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return results;
}

const [subscriptions, deployments] = await Promise.all([all('/subscriptions?api-version=2022-12-01'), graph()]);
const keys = await pool(deployments, (d) => all(`${d.id}/apiKeys?api-version=2025-11-01`));
process.stdout.write(
  JSON.stringify({ subscriptions, deployments: deployments.map((deployment, i) => ({ deployment, keys: keys[i] })) }),
);
agent.destroy();
