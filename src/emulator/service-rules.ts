/**
 * The service's own validation, as the emulator applies it: written from the NGINXaaS docs and
 * the swagger, separately from src/domain, so that the client's checks and the emulator's are
 * two readings of the same rules. Codes and messages are our choice (the real ones are not
 * published); they follow the ARM envelope.
 */

export const NAME_RULE = /^([a-z0-9A-Z][a-z0-9A-Z-]{0,28}[a-z0-9A-Z]|[a-z0-9A-Z])$/;
export const NGINX_API_VERSIONS = ['2024-09-01-preview', '2024-11-01-preview', '2025-03-01-preview', '2025-11-01'];
export const SUBSCRIPTION_API_VERSIONS = ['2016-06-01', '2020-01-01', '2021-01-01', '2022-12-01'];
export const GRAPH_API_VERSIONS = ['2019-04-01', '2021-03-01', '2022-10-01', '2024-04-01'];

export interface RuleViolation {
  status: number;
  code: string;
  message: string;
  target?: string;
}

export function secretViolation(secret: string): RuleViolation | undefined {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(secret)).length;
  if (secret.length < 12 || classes < 3) {
    return {
      status: 400,
      code: 'InvalidApiKeySecret',
      target: 'properties.secretText',
      message:
        'The secret text must be at least 12 characters long and contain characters from at least 3 of: lowercase letters, uppercase letters, numbers, symbols.',
    };
  }
  return undefined;
}

function addMonthsUtc(from: Date, months: number): Date {
  const target = new Date(from.getTime());
  const day = target.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return target;
}

export function defaultEndDate(now: Date): Date {
  return addMonthsUtc(now, 6);
}

export function endDateViolation(text: string, now: Date): RuleViolation | undefined {
  const when = new Date(text);
  const target = 'properties.endDateTime';
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(when.getTime())) {
    return {
      status: 400,
      code: 'InvalidApiKeyEndDateTime',
      target,
      message: `The end date time '${text}' is not a valid RFC 3339 date-time.`,
    };
  }
  if (when.getTime() <= now.getTime()) {
    return {
      status: 400,
      code: 'InvalidApiKeyEndDateTime',
      target,
      message: `The end date time '${text}' is in the past.`,
    };
  }
  if (when.getTime() > addMonthsUtc(now, 24).getTime()) {
    return {
      status: 400,
      code: 'InvalidApiKeyEndDateTime',
      target,
      message: `The end date time '${text}' is more than two years from now.`,
    };
  }
  return undefined;
}

export function nameViolation(kind: 'deploymentName' | 'apiKeyName', name: string): RuleViolation | undefined {
  if (NAME_RULE.test(name)) return undefined;
  return {
    status: 400,
    code: 'InvalidResourceName',
    target: kind,
    message: `The resource name '${name}' is invalid. It must be 1 to 30 letters, digits or hyphens, and start and end with a letter or digit.`,
  };
}
