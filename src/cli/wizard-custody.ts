/**
 * The wizard's custody where its machine did not decide the ending: the terminal closed under it
 * (the window shut, an ssh link dropped), the face crashed or was taken down. The machine deletes
 * again a generated key no one holds on every ending it sees; this keeps the last state a face
 * drew and, after the face is gone, does the same for an ending it did not see.
 */
import type { Io } from '../port/io';
import { TAKE_BACK_MS } from './closing';
import type { Gateway } from '../port/gateway';
import { commandFor, isFinished } from '../wizard/effects';
import { heldByNoOne, takingInFlight, unheldWhy } from '../wizard/steps/reveal';
import { handoffUnderWay } from '../wizard/steps/handoff';
import { deadVersionWords, REPLACED_GONE } from '../keys/custody';
import type { WizardState } from '../wizard/state';

export interface WizardCustody {
  watch(state: WizardState): void;
  /** After the face: a live key no one holds is deleted again, and said (if anyone can read it). */
  settle(gateway: Gateway): Promise<void>;
}

export function wizardCustody(io: Pick<Io, 'stderr'>): WizardCustody {
  let last: WizardState | undefined;
  return {
    watch: (state) => {
      last = state;
    },
    async settle(gateway) {
      const state = last;
      if (!state?.result || !state.deployment || !heldByNoOne(state)) return;
      // Ended by the machine: settled, unless it left while its own DELETE of the key was under
      // way, or a copy or hand-off that might have held it (a second interruption; a hang-up can
      // bring two), and that was cut short.
      const cut = state.reveal.leavingUnheld === true && takingInFlight(state);
      if (isFinished(state) ? !state.reveal.deleting && !cut : state.step !== 'reveal') return;
      const name = state.result.key.name;
      const handoff = handoffUnderWay(state);
      // A vault's store cut short may have been carried out all the same.
      const inDoubt = [
        ...(state.reveal.vaultsInDoubt ?? []),
        ...(cut && handoff?.kind === 'keyvault' ? [handoff.destination] : []),
      ];
      const dead = deadVersionWords(inDoubt);
      let words: string;
      try {
        await gateway.deleteKey(state.deployment, name, { signal: AbortSignal.timeout(TAKE_BACK_MS) });
        const replaced = state.result.created ? '' : REPLACED_GONE;
        words = `Key '${name}' was deleted again: the wizard ended before anyone held its secret (${cut ? `its hand-off to ${handoff?.words ?? 'the clipboard'} was cut short` : unheldWhy(state)}).${replaced}${dead}`;
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        // Still live: a vault that may have stored it may hold a working secret.
        const holder = inDoubt.length > 0 ? `${inDoubt.join(', ')} may hold its secret` : 'no one holds its secret';
        words = `Key '${name}' is still active and ${holder} (deleting it again failed: ${why}); delete it with:${commandFor(state, 'delete', name)}`;
      }
      saidIfAnyoneReads(io, words);
    },
  };
}

/** The terminal may be gone: a write that fails is not a second failure. */
function saidIfAnyoneReads(io: Pick<Io, 'stderr'>, words: string): void {
  try {
    io.stderr.write(`${words}\n`);
  } catch {
    // Nobody to tell.
  }
}

/** EIO on the terminal itself (a read, a write, raw mode): a file's EIO names its path and is a failure. */
export function fromClosedTerminal(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const failed = error as { code?: unknown; path?: unknown };
  return failed.code === 'EIO' && failed.path === undefined;
}

/**
 * A closed terminal makes the streams fail (EIO) as the wizard ends. Without a listener that error
 * ends the process before the key is settled; readline even says it on an interface of its own
 * that no one can listen to (leaving raw mode on a terminal that is gone), so an uncaught EIO is
 * taken too, and only that: the run is stopped as by a hang-up. Returns the function that takes
 * the listeners off.
 */
export function outliveClosedTerminal(streams: NodeJS.EventEmitter[], hangUp: () => void): () => void {
  const terminalGone = (error: unknown) => {
    if (fromClosedTerminal(error)) return hangUp();
    // Anything else is as uncaught as it was: off the list, and thrown again where no one catches it.
    process.off('uncaughtException', terminalGone);
    process.nextTick(() => {
      throw error;
    });
  };
  for (const stream of streams) stream.on('error', terminalGone);
  process.on('uncaughtException', terminalGone);
  return () => {
    streams.forEach((stream) => stream.off('error', terminalGone));
    process.off('uncaughtException', terminalGone);
  };
}

/**
 * A face of the wizard run with its custody kept: told each state it draws, and settled after it
 * ends however it ends, with a closed terminal's EIO taken as a hang-up meanwhile.
 */
export async function keepingCustody(
  run: { io(): Pick<Io, 'stderr'>; hangUp(): void },
  gateway: Gateway,
  face: (watch: WizardCustody['watch']) => Promise<number>,
): Promise<number> {
  const custody = wizardCustody(run.io());
  const streams = outliveClosedTerminal([process.stdin, process.stdout, process.stderr], run.hangUp);
  try {
    return await face(custody.watch);
  } finally {
    await custody.settle(gateway);
    streams();
  }
}
