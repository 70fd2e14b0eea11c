/**
 * How --apply runs its programs and its consumers. The runner: real child processes (node itself),
 * never a shell, a deadline, capped output, no NGINXAAS_* variable passed on. The orchestration:
 * consumers scripted to succeed, stay unproven or fail at each step, and what comes of it — the
 * order of the steps, the rollbacks (newest first), who holds the key, and what the history hears.
 */
import { describe, expect, it } from 'vitest';
import { childEnv, describe as describeCall, lastWords, programRunner } from '../../src/apply/run-program';
import { applyAll, reportLines } from '../../src/apply/finish';
import { ApplyFailure, type Consumer, type Proof } from '../../src/apply/consumer';

const node = process.execPath;
const run = programRunner({ PATH: process.env.PATH ?? '', NGINXAAS_ACCESS_TOKEN: 'token-not-for-children', KEEP: '1' });

describe('the runner', () => {
  it('passes each word as it is: no shell reads a ; or a $', async () => {
    const result = await run({
      program: node,
      args: ['-e', 'process.stdout.write(JSON.stringify(process.argv.slice(1)))', 'a; rm -rf /', '$HOME', '`id`'],
      timeoutMs: 10_000,
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(['a; rm -rf /', '$HOME', '`id`']);
  });

  it('hands the input on standard input, and no NGINXAAS_* variable to the child', async () => {
    const result = await run({
      program: node,
      args: [
        '-e',
        'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.stringify({s,env:Object.keys(process.env).filter(k=>k==="KEEP"||k.startsWith("NGINXAAS"))})))',
      ],
      input: '{"nlk":{"dataplaneApiKey":"k"}}',
      timeoutMs: 10_000,
    });
    expect(JSON.parse(result.stdout)).toEqual({ s: '{"nlk":{"dataplaneApiKey":"k"}}', env: ['KEEP'] });
    expect(childEnv({ NGINXAAS_KEYS_TIMEOUT: '1', PATH: '/bin' })).toEqual({ PATH: '/bin' });
  });

  it('stops a program at its deadline and says so', async () => {
    const result = await run({ program: node, args: ['-e', 'setInterval(() => {}, 1000)'], timeoutMs: 300 });
    expect(result.timedOut).toBe(true);
    expect(lastWords(result)).toBe('it did not finish in time and was stopped');
  });

  it('keeps at most 4 MiB of what a program prints', async () => {
    const result = await run({
      program: node,
      args: ['-e', 'const b = "x".repeat(1 << 20); for (let i = 0; i < 6; i++) process.stdout.write(b)'],
      timeoutMs: 20_000,
    });
    expect(result.code).toBe(0);
    expect(result.stdout.length).toBe(4 * 1024 * 1024);
  });

  it('a program that is not there is said as such; a failure by its last line on stderr, never stdout', async () => {
    expect(lastWords(await run({ program: 'no-such-program-here', args: [], timeoutMs: 5_000 }))).toBe(
      'not found on PATH',
    );
    const failed = await run({
      program: node,
      args: [
        '-e',
        'console.log("dataplaneApiKey: secret"); console.error("first\\nError: it broke\\u001b[2J"); process.exit(3)',
      ],
      timeoutMs: 10_000,
    });
    expect(failed.code).toBe(3);
    expect(lastWords(failed)).toBe('Error: it broke\\x1b[2J');
  });

  it('writes a call as a line a person can paste, the input named and never shown', () => {
    expect(
      describeCall({
        program: 'helm',
        args: ['upgrade', 'nlk', '--values=-', "it's"],
        inputWords: 'values on standard input',
      }),
    ).toBe(`helm upgrade nlk --values=- 'it'\\''s'  (values on standard input)`);
  });
});

type Script = { apply?: 'throws'; prove?: Proof['outcome']; rollback?: 'fails' };

function scripted(name: string, script: Script, log: string[]): Consumer {
  return {
    target: { kind: 'asg-sync', unit: `${name}.service` },
    where: name,
    preflight: async () => [],
    plan: () => [],
    apply: async (secret) => {
      log.push(`apply ${name}`);
      if (script.apply === 'throws') throw new ApplyFailure(`${name} would not take ${secret}`);
    },
    prove: async (): Promise<Proof> => {
      log.push(`prove ${name}`);
      const outcome = script.prove ?? 'proven';
      return outcome === 'proven'
        ? { outcome, lines: [`${name} runs on it`] }
        : { outcome, lines: [], why: `${name}: ${outcome}` };
    },
    rollback: async () => {
      log.push(`rollback ${name}`);
      return script.rollback === 'fails'
        ? { ok: false, said: `${name} stays half-changed` }
        : { ok: true, said: `${name} back` };
    },
  };
}

describe('applying to every consumer, or to none', () => {
  const secret = 'a-secret-value-0123456789';
  it.each<[string, Script[], string[], { allProven: boolean; failed: boolean; rollbackFailed: boolean }]>([
    [
      'all proven',
      [{}, {}],
      ['apply a', 'prove a', 'apply b', 'prove b'],
      { allProven: true, failed: false, rollbackFailed: false },
    ],
    [
      'the second fails its proof: both rolled back, newest first',
      [{}, { prove: 'failed' }, {}],
      ['apply a', 'prove a', 'apply b', 'prove b', 'rollback b', 'rollback a'],
      { allProven: false, failed: true, rollbackFailed: false },
    ],
    [
      'the first cannot be applied: it alone is rolled back, the second never touched',
      [{ apply: 'throws' }, {}],
      ['apply a', 'rollback a'],
      { allProven: false, failed: true, rollbackFailed: false },
    ],
    [
      'an unproven one goes on, and is not all proven',
      [{ prove: 'unproven' }, {}],
      ['apply a', 'prove a', 'apply b', 'prove b'],
      { allProven: false, failed: false, rollbackFailed: false },
    ],
    [
      'a rollback that fails is said',
      [{ rollback: 'fails' }, { prove: 'failed' }],
      ['apply a', 'prove a', 'apply b', 'prove b', 'rollback b', 'rollback a'],
      { allProven: false, failed: true, rollbackFailed: true },
    ],
  ])('%s', async (_, scripts, order, summary) => {
    const log: string[] = [];
    const holding = new Set<string>();
    const records: string[] = [];
    const consumers = scripts.map((s, i) => scripted(String.fromCharCode(97 + i), s, log));
    const report = await applyAll(consumers, secret, {
      say: () => undefined,
      holds: (c, on) => (on ? holding.add(c.where) : holding.delete(c.where)),
      record: (step, c, outcome, detail) =>
        records.push(`${step} ${c.where} ${outcome}${detail ? ` (${detail})` : ''}`),
    });
    expect(log).toEqual(order);
    expect({ allProven: report.allProven, failed: report.failed, rollbackFailed: report.rollbackFailed }).toEqual(
      summary,
    );
    // Whoever was rolled back holds the new key no more; a failed rollback leaves it held.
    const rolledBack = report.results.filter((r) => r.rollback?.ok).map((r) => r.where);
    for (const where of rolledBack) expect(holding.has(where)).toBe(false);
    // Nothing said or recorded carries the key.
    for (const line of [...records, ...reportLines(report, { pass: '+', fail: 'x', warn: '!' })])
      expect(line).not.toContain(secret);
  });
});
