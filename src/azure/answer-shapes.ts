/**
 * What a successful answer must hold to be used. A 200 without the fields we need is not a key
 * named '' or an empty list: the client names the request and what was missing (the same
 * 'UnreadableAnswer' as a body that is no JSON at all), and after a PUT the outcome is settled
 * with a GET. An expiry that is no time is not missing: that key is listed as unknown.
 */

/** Says what the answer lacks, or undefined when it can be used. */
export type Shape = (body: unknown) => string | undefined;

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
const named = (value: unknown): boolean => typeof value === 'string' && value !== '';

export const keyShape: Shape = (body) => (named(record(body)?.name) ? undefined : 'a key without a name');

export const deploymentShape: Shape = (body) => {
  const deployment = record(body);
  if (!named(deployment?.id)) return 'a deployment without an id';
  return named(deployment?.name) ? undefined : 'a deployment without a name';
};

export const subscriptionShape: Shape = (body) =>
  named(record(body)?.subscriptionId) ? undefined : 'a subscription without an id';

export const graphRowShape: Shape = (body) => {
  const row = record(body);
  if (!named(row?.id)) return 'a Resource Graph row without an id';
  if (!named(row?.subscriptionId)) return 'a Resource Graph row without a subscription id';
  return named(row?.name) ? undefined : 'a Resource Graph row without a name';
};

/** A page of a list: an array under `field` ('value' for ARM, 'data' for Resource Graph), each item of `item`'s shape. */
export function pageShape(item: Shape, field = 'value'): Shape {
  return (body) => {
    const items = record(body)?.[field];
    if (!Array.isArray(items)) return `no '${field}' list`;
    for (const entry of items) {
      const lack = item(entry);
      if (lack) return lack;
    }
    return undefined;
  };
}

export function unreadableAnswer(method: string, path: string, status: number, what: string): Error {
  return Object.assign(new Error(`Azure answered ${method} ${path} with HTTP ${status} but ${what}`), {
    code: 'UnreadableAnswer',
    statusCode: status,
  });
}
