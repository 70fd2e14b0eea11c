/**
 * Finishing a rotation at the consumers, for `rotate`, `create` and the wizard alike: every
 * target's checks before anything is written (the first refusal stops it all, nothing changed),
 * then one target after the other: the key put in place, then proven; the first failure rolls
 * back that target and every one before it (newest first), so the consumers are as they were and
 * the old key still serves them. What each step did is told to `record` (the history) and `said`.
 */
import type { ApplyTarget } from '../domain/apply-target';
import { maskSecrets } from '../domain/secret-forms';
import { ApplyFailure, ApplyRefusal, type ApplyContext, type Consumer, type Proof } from './consumer';
import { AsgSync } from './asg-sync';
import { NlkExtension } from './nlk-ext';
import { NlkHelm } from './nlk-helm';

export function consumerFor(target: ApplyTarget, ctx: ApplyContext): Consumer {
  if (target.kind === 'nlk-helm') return new NlkHelm(ctx, target.release);
  if (target.kind === 'nlk-ext') return new NlkExtension(ctx, target.extension);
  return new AsgSync(ctx, target.unit);
}

/** What happened at one consumer. */
export interface ConsumerResult {
  where: string;
  target: ApplyTarget;
  /** applied and proven; applied, unproven; failed (and rolled back); not reached (after a failure). */
  state: 'proven' | 'unproven' | 'failed' | 'skipped';
  lines: string[];
  why?: string;
  rollback?: { ok: boolean; said: string };
}

export interface ApplyReport {
  results: ConsumerResult[];
  /** Every consumer took the new key and was proven to run on it. */
  allProven: boolean;
  /** A consumer failed: every one changed was rolled back. */
  failed: boolean;
  /** A rollback did not complete: the person must finish it. */
  rollbackFailed: boolean;
}

export type ApplyStep = 'apply' | 'apply-proof' | 'apply-rollback';

export interface ApplyHooks {
  /** A line for a person. */
  say(line: string): void;
  /** The consumer holds the new key now (custody), or no longer (after its rollback). */
  holds(consumer: Consumer, holding: boolean): void;
  /** One step's outcome, for the history: done, failed, or unknown (unproven). */
  record(step: ApplyStep, consumer: Consumer, outcome: 'done' | 'failed' | 'unknown', detail?: string): void;
}

/**
 * Words of a program or of a failure, with any key in them masked in every form (a program may
 * echo its input); hidden altogether where the masking cannot be sure it found every form.
 */
export function scrub(text: string, secrets: readonly string[]): string {
  const masked = maskSecrets(text, secrets);
  return masked.certain ? masked.text : '(its words are hidden: they may quote the key)';
}

/** Every consumer's checks, in order; the first refusal is thrown (nothing has been written). */
export async function preflightAll(consumers: readonly Consumer[], say: (line: string) => void): Promise<void> {
  for (const consumer of consumers) {
    const lines = await consumer.preflight();
    say(`Checked ${consumer.where}:`);
    for (const line of lines) say(`  ${line}`);
  }
}

export async function applyAll(
  consumers: readonly Consumer[],
  secret: string,
  hooks: ApplyHooks,
  knownSecrets: readonly string[] = [],
): Promise<ApplyReport> {
  const clean = (text: string) => scrub(text, [secret, ...knownSecrets]);
  const results: ConsumerResult[] = consumers.map((c) => ({
    where: c.where,
    target: c.target,
    state: 'skipped',
    lines: [],
  }));
  const touched: number[] = [];
  let failedAt: number | undefined;
  for (const [index, consumer] of consumers.entries()) {
    const result = results[index] as ConsumerResult;
    hooks.say(`Applying the new key to ${consumer.where}…`);
    touched.push(index);
    let proof: Proof;
    try {
      await consumer.apply(secret);
      hooks.holds(consumer, true);
      hooks.record('apply', consumer, 'done');
      const exposure = consumer.exposure?.();
      if (exposure) hooks.say(`Note: ${exposure}.`);
      hooks.say(`Proving that ${consumer.where} runs on it…`);
      proof = await consumer.prove(secret);
    } catch (error) {
      const why =
        error instanceof ApplyFailure || error instanceof ApplyRefusal ? error.message : `it failed: ${String(error)}`;
      hooks.record('apply', consumer, 'failed', clean(why));
      proof = { outcome: 'failed', why, lines: [] };
    }
    result.lines = proof.lines.map(clean);
    if (proof.outcome === 'failed') {
      result.state = 'failed';
      result.why = clean(proof.why);
      hooks.record('apply-proof', consumer, 'failed', result.why);
      failedAt = index;
      break;
    }
    result.state = proof.outcome;
    if (proof.outcome === 'unproven') result.why = clean(proof.why);
    hooks.record('apply-proof', consumer, proof.outcome === 'proven' ? 'done' : 'unknown', result.why);
  }
  let rollbackFailed = false;
  if (failedAt !== undefined) {
    for (const index of [...touched].reverse()) {
      const consumer = consumers[index] as Consumer;
      const result = results[index] as ConsumerResult;
      hooks.say(`Rolling back ${consumer.where}…`);
      const rolled = await consumer.rollback();
      result.rollback = { ok: rolled.ok, said: clean(rolled.said) };
      if (rolled.ok) hooks.holds(consumer, false);
      else rollbackFailed = true;
      hooks.record('apply-rollback', consumer, rolled.ok ? 'done' : 'failed', result.rollback.said);
    }
  }
  return {
    results,
    allProven: failedAt === undefined && results.every((r) => r.state === 'proven'),
    failed: failedAt !== undefined,
    rollbackFailed,
  };
}

/** The report in lines for a person: what each consumer did, proven or not, and what was undone. */
export function reportLines(report: ApplyReport, mark: { pass: string; fail: string; warn: string }): string[] {
  const lines: string[] = [];
  for (const result of report.results) {
    if (result.state === 'proven') lines.push(`${mark.pass} ${result.where}: the new key is in place and in use`);
    if (result.state === 'unproven')
      lines.push(`${mark.warn} ${result.where}: the new key is in place, unproven (${result.why ?? ''})`);
    if (result.state === 'failed') lines.push(`${mark.fail} ${result.where}: ${result.why ?? 'failed'}`);
    if (result.state === 'skipped')
      lines.push(`${mark.warn} ${result.where}: not changed (an earlier consumer failed)`);
    for (const line of result.lines) lines.push(`    ${line}`);
    if (result.rollback) lines.push(`    ${result.rollback.ok ? mark.pass : mark.fail} ${result.rollback.said}`);
  }
  return lines;
}
