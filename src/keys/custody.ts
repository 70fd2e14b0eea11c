/**
 * Custody: the one record of a run of every key it may have made live, and where that key's
 * secret is held right now. Every ending of a command — success, an Azure error, a lost answer,
 * the run's time limit, a signal, the forced exit, an exception — goes through `close`, which
 * reads the record: a key file still staged is moved into place (or named where it waits), every
 * key that may be live and was not yet accounted for is named with the commands that check and
 * delete it, and the exit code and the JSON document follow from what it found.
 *
 * The record is a list, not a flag per path: a path that forgets to say where a key went leaves
 * the key in the record, and the closing step says it instead.
 */
import { resolve } from 'node:path';
import type { DeploymentRef } from '../domain/resource-id';
import { StagedFileLost } from '../files/secret-file';

/** Where a key's secret is, besides this process's memory. */
export type Holder =
  /** Written beside its destination, 0600, not yet moved into place. */
  | { kind: 'staged'; path: string; stagingPath: string; commit(): void }
  /** A file the user named (--secret-out, --emit): in place, 0600. */
  | { kind: 'file'; path: string }
  /** Written whole to standard output (the key alone, or the JSON document with `secret`). */
  | { kind: 'stdout' }
  /** Handed off where no file of this run holds it (a Key Vault secret). */
  | { kind: 'vault'; url: string }
  /** The user gave this run the key (typed, piped, or from their own file): they hold it already. */
  | { kind: 'given'; from: string }
  /** A consumer runs on it now (--apply): an NLK release, the AKS extension, an nginx-asg-sync config. */
  | { kind: 'consumer'; where: string };

/**
 * `sending`: the PUT has left, its outcome not yet known. `live`: the key exists. `maybe`: its
 * outcome could not be settled. `gone`: not created, or deleted again.
 */
export type KeyState = 'sending' | 'live' | 'maybe' | 'gone';

export interface CustodyEntry {
  readonly deployment: DeploymentRef;
  readonly name: string;
  readonly secret: string;
  state: KeyState;
  holders: Holder[];
  /** The user was told, in this run's own words, where the secret is (its report, or its error). */
  told: boolean;
  /** It replaced a key of the same name: if it goes, no key of that name is left. */
  replaced?: boolean;
  /** Key Vault secrets whose newest version may hold it (a store whose answer was lost or cut short). */
  vaultsInDoubt?: string[];
  /** Its DELETE again, under way: an ending that finds it waits for that answer, not sending another. */
  takingBack?: Promise<'deleted' | 'absent'>;
}

/** One line of what the closing step found, for stderr and for the JSON document. */
export interface KeyAccount {
  name: string;
  deployment: string;
  state: Exclude<KeyState, 'gone' | 'sending'>;
  /** The files that hold its secret (whole paths), and whether stdout carried it. */
  files: string[];
  stdout: boolean;
  vaults: string[];
  /** Words for a person: where the secret is, or that nobody holds it. */
  said: string;
}

/** Said when a key that replaced another is deleted again. */
export const REPLACED_GONE =
  ' The key it replaced was already gone: no key of that name is left, and whatever used it is refused.';

/** How a key came to be, in the words that say it was taken back: "was created", or that it replaced one. */
export function madeWords(entry: Pick<CustodyEntry, 'replaced' | 'state'> | undefined): string {
  if (entry?.replaced) return 'replaced the key of that name';
  return entry?.state === 'maybe' ? 'may have been created' : 'was created';
}

/**
 * Said where a key is deleted again while a vault's newest version may hold it (a store whose
 * answer was lost or was cut short): that value is dead, and how to see and disable it.
 */
export function deadVersionWords(vaults: readonly string[]): string {
  if (vaults.length === 0) return '';
  return ` If the newest version of ${vaults.join(', ')} holds it, that value is dead now: see it with \`az keyvault secret show --id <url>\` and disable that version with \`az keyvault secret set-attributes --enabled false --id <url>/<version>\`.`;
}

/** What follows "so it was deleted again" for a key of the record: the key it replaced, a vault that may hold it. */
export function takenBackWords(entry: Pick<CustodyEntry, 'replaced' | 'vaultsInDoubt'> | undefined): string {
  return `${entry?.replaced ? REPLACED_GONE : ''}${deadVersionWords(entry?.vaultsInDoubt ?? [])}`;
}

export class Custody {
  private readonly entries: CustodyEntry[] = [];
  /** Whether this run printed its one JSON document already (a success's, or an error's). */
  documentPrinted = false;

  /** Just before a PUT that may make `name` live leaves. */
  sending(deployment: DeploymentRef, name: string, secret: string): CustodyEntry {
    const existing = this.find(deployment, name);
    if (existing) {
      existing.state = 'sending';
      return existing;
    }
    const entry: CustodyEntry = { deployment, name, secret, state: 'sending', holders: [], told: false };
    this.entries.push(entry);
    return entry;
  }

  find(deployment: DeploymentRef, name: string): CustodyEntry | undefined {
    const id = keyId(deployment, name);
    return this.entries.find((e) => keyId(e.deployment, e.name) === id);
  }

  /** Keys whose secret may be on Azure now. */
  mayBeLive(): CustodyEntry[] {
    return this.entries.filter((e) => e.state !== 'gone');
  }

  /** Whether the secret of `entry` is anywhere but this process's memory (a staged file counts: it is named when the run ends). */
  static held(entry: CustodyEntry): boolean {
    return entry.holders.length > 0;
  }

  /** Whether the secret has reached a place the user chose (a file in place, stdout, a vault). */
  static delivered(entry: CustodyEntry): boolean {
    return entry.holders.some((h) => h.kind !== 'staged');
  }
}

export function keyId(ref: DeploymentRef, name: string): string {
  return `${ref.subscriptionId}/${ref.resourceGroup}/${ref.name}/${name}`.toLowerCase();
}

/** Takes a holder away: a consumer rolled back to the old key holds the new one no more. */
export function release(entry: CustodyEntry, holder: Holder): void {
  entry.holders = entry.holders.filter((h) => !sameHolder(h, holder));
}

/** A staged file taken away from outside, and not written again, holds the key no more. */
export function releaseStaged(entry: CustodyEntry, path: string): void {
  entry.holders = entry.holders.filter((h) => !(h.kind === 'staged' && h.path === path));
}

/** Adds a holder, replacing a staged file by the same file in place. */
export function hold(entry: CustodyEntry, holder: Holder): void {
  if (holder.kind === 'file')
    entry.holders = entry.holders.filter((h) => !(h.kind === 'staged' && h.path === holder.path));
  if (!entry.holders.some((h) => sameHolder(h, holder))) entry.holders.push(holder);
}

function sameHolder(a: Holder, b: Holder): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'stdout') return true;
  if (a.kind === 'vault' && b.kind === 'vault') return a.url === b.url;
  if (a.kind === 'given' && b.kind === 'given') return a.from === b.from;
  if (a.kind === 'consumer' && b.kind === 'consumer') return a.where === b.where;
  return 'path' in a && 'path' in b && a.path === b.path;
}

/**
 * The synchronous half of the closing step: every staged file of a key that may be live is moved
 * into place (a failure leaves it where it waits, and says so), and each such key is accounted
 * for. Nothing here waits on the network: the forced exit runs it too.
 */
export function account(custody: Custody): KeyAccount[] {
  const accounts: KeyAccount[] = [];
  for (const entry of custody.mayBeLive()) {
    const files: string[] = [];
    const waiting: string[] = [];
    for (const holder of [...entry.holders]) {
      if (holder.kind === 'file') files.push(resolve(holder.path));
      if (holder.kind !== 'staged') continue;
      try {
        holder.commit();
        hold(entry, { kind: 'file', path: holder.path });
        files.push(resolve(holder.path));
      } catch (error) {
        // Taken away and not written again: it is no place of the key's (a key left unheld is taken back).
        if (error instanceof StagedFileLost) {
          releaseStaged(entry, holder.path);
          continue;
        }
        waiting.push(resolve(holder.stagingPath));
        files.push(resolve(holder.stagingPath));
      }
    }
    const stdout = entry.holders.some((h) => h.kind === 'stdout');
    const vaults = entry.holders.flatMap((h) => (h.kind === 'vault' ? [h.url] : []));
    const given = entry.holders.flatMap((h) => (h.kind === 'given' ? [h.from] : []));
    const consumers = entry.holders.flatMap((h) => (h.kind === 'consumer' ? [h.where] : []));
    const places = [
      ...given,
      ...files.map((f) =>
        waiting.includes(f) ? `${f} (mode 0600; it could not be moved into place)` : `${f} (mode 0600)`,
      ),
      ...(stdout ? ['standard output'] : []),
      ...vaults,
      ...consumers,
    ];
    accounts.push({
      name: entry.name,
      deployment: entry.deployment.name,
      state: entry.state === 'live' ? 'live' : 'maybe',
      files,
      stdout,
      vaults,
      said: places.length > 0 ? `its secret is in ${places.join(', ')}` : 'nobody holds its secret',
    });
  }
  return accounts;
}
