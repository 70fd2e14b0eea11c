/**
 * `--apply asg-sync=systemd[:<unit>]`: nginx-asg-sync on this machine. Its config is where the
 * unit's ExecStart says (`-config_path`, else /etc/nginx/config.yaml); before any write it must
 * point at this deployment and carry the old key. Every upstream in it is first asked with the new
 * header, as nginx-asg-sync does at start; then only `custom_headers.Authorization` changes (owner,
 * mode, comments and every other line kept), written beside it and renamed into place after a
 * backup, and the unit restarted. nginx-asg-sync exits 10 on a refused key and systemd restarts it
 * every 5 s while `systemctl restart` reported success, so it is proven only when, through the
 * settle window, the unit stays active with the same main PID and no more restarts, and its journal
 * (and its -log_path file) since the restart says neither "Problem with the NGINX configuration"
 * nor "Couldn't update". On failure the backup goes back and the unit is restarted.
 */
import {
  copyFileSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  accessSync,
  constants,
  type Stats,
} from 'node:fs';
import { dirname } from 'node:path';
import { sameNplus, startsWithHint, type ApplyTarget } from '../domain/apply-target';
import { keyOfHeader, readAsgConfig, withNewAuthorization, type AsgConfig } from '../domain/asg-config';
import { writeExclusive } from '../files/secret-file';
import { describeFsError } from '../files/fs-error';
import { ApplyFailure, ApplyRefusal, pause, type ApplyContext, type Consumer, type Proof, seconds } from './consumer';
import { describe, lastWords, type ProgramCall } from './run-program';
import { flagValue, readUnit, type UnitFacts } from './systemd-unit';
import { keepOwner, sizeOf, tailOf } from './local-files';

const READ_MS = 30_000;
const RESTART_MS = 120_000;
const LOOK_EVERY_MS = 2_000;
const DEFAULT_CONFIG = '/etc/nginx/config.yaml';
const TROUBLE = /Problem with the NGINX configuration|Couldn't update/;
const PROPERTIES = 'LoadState,ActiveState,SubState,MainPID,NRestarts,ExecStart';

export class AsgSync implements Consumer {
  readonly target: ApplyTarget;
  private configPath = DEFAULT_CONFIG;
  private logPath?: string;
  private original?: { text: string; stat: Stats };
  private config?: AsgConfig;
  private backupPath = '';
  private changed = false;
  private restartedAt = 0;
  private logSizeBefore = 0;

  constructor(
    private readonly ctx: ApplyContext,
    readonly unit: string,
  ) {
    this.target = { kind: 'asg-sync', unit };
  }

  get where(): string {
    return `nginx-asg-sync unit ${this.unit} (${this.configPath})`;
  }

  private systemctl(args: string[], timeoutMs = READ_MS): ProgramCall {
    return { program: 'systemctl', args, timeoutMs };
  }

  private async unitFacts(): Promise<UnitFacts> {
    const result = await this.ctx.run(this.systemctl(['show', this.unit, `--property=${PROPERTIES}`]), this.ctx.signal);
    if (result.missing) throw new ApplyRefusal('systemctl is not on PATH: --apply asg-sync=systemd needs systemd');
    if (result.code !== 0) throw new ApplyRefusal(`systemctl could not read ${this.unit}: ${lastWords(result)}`, 1);
    return readUnit(result.stdout);
  }

  async preflight(): Promise<string[]> {
    const { ctx } = this;
    const unit = await this.unitFacts();
    if (unit.loadState !== 'loaded')
      throw new ApplyRefusal(`unit ${this.unit} is ${unit.loadState || 'unknown'} on this machine`);
    const journal = await ctx.run({ program: 'journalctl', args: ['--version'], timeoutMs: READ_MS }, ctx.signal);
    if (journal.missing) throw new ApplyRefusal('journalctl is not on PATH: it is needed to prove the restart');
    this.configPath = flagValue(unit.argv, 'config_path') ?? DEFAULT_CONFIG;
    this.logPath = flagValue(unit.argv, 'log_path');
    this.backupPath = `${this.configPath}.nginxaas-keys-backup`;
    let text: string;
    let stat: Stats;
    try {
      stat = statSync(this.configPath);
      text = readFileSync(this.configPath, 'utf8');
      accessSync(this.configPath, constants.W_OK);
      accessSync(dirname(this.configPath), constants.W_OK);
    } catch (error) {
      throw new ApplyRefusal(
        `${this.configPath} (from ${this.unit}) cannot be read and written here: ${describeFsError(error)}`,
      );
    }
    const me = process.getuid?.();
    if (me !== undefined && me !== 0 && stat.uid !== me)
      throw new ApplyRefusal(
        `${this.configPath} belongs to user ${stat.uid}: run this as root or as that user, so that the file keeps its owner`,
      );
    const read = readAsgConfig(text);
    if (!read.ok) throw new ApplyRefusal(`${this.configPath}: ${read.problem}`);
    const config = read.config;
    if (!config.apiEndpoint || !sameNplus(config.apiEndpoint, ctx.nplus))
      throw new ApplyRefusal(
        `${this.configPath} points at ${config.apiEndpoint ?? 'no api_endpoint'}, not at ${ctx.deployment.name} (${ctx.nplus})`,
      );
    if (!config.authorization) throw new ApplyRefusal(`${this.configPath} has no custom_headers.Authorization line`);
    const lines = [`${this.unit}: ${unit.activeState}, config ${this.configPath}, api_endpoint ${config.apiEndpoint}`];
    if (ctx.old) {
      const key = keyOfHeader(config.authorization.value) ?? '';
      if (!startsWithHint(key, ctx.old.hint))
        throw new ApplyRefusal(
          `${this.configPath} does not carry '${ctx.old.name}': its Authorization header is not ApiKey <base64> of a key with hint ${ctx.old.hint}`,
        );
      lines.push(`its Authorization header carries a key with hint ${ctx.old.hint}, '${ctx.old.name}'`);
    }
    lines.push(
      config.upstreams.length > 0
        ? `upstreams: ${config.upstreams.map((u) => `${u.name} (${u.kind})`).join(', ')}`
        : 'no upstreams listed: the new key cannot be tried on one first',
    );
    this.original = { text, stat };
    this.config = config;
    return lines;
  }

  plan(): string[] {
    return [
      ...(this.config?.upstreams ?? []).map(
        (u) => `GET ${this.config?.apiEndpoint ?? ''}/9/${u.kind}/upstreams/${u.name}/servers  (with the new key)`,
      ),
      `copy ${this.configPath} to ${this.backupPath}, then write it anew (only custom_headers.Authorization; owner and mode kept) and rename it into place`,
      describe(this.systemctl(['restart', this.unit])),
      `${describe(this.systemctl(['show', this.unit, `--property=${PROPERTIES}`]))}  for ${seconds(this.ctx.settings.settleMs)}: active, the same main PID, no more restarts`,
      `journalctl --unit=${this.unit} --since=@<the restart> --output=cat --no-pager  (no "Problem with the NGINX configuration", no "Couldn't update")`,
      `on failure: ${this.backupPath} back in place, ${describe(this.systemctl(['restart', this.unit]))}`,
    ];
  }

  /** Every upstream asked with the new header first, as nginx-asg-sync does at start. */
  private async pretest(secret: string): Promise<void> {
    const endpoint = (this.config?.apiEndpoint ?? '').replace(/\/+$/, '');
    for (const upstream of this.config?.upstreams ?? []) {
      const url = `${endpoint}/9/${upstream.kind}/upstreams/${encodeURIComponent(upstream.name)}/servers`;
      const answer = await this.ctx.ask(url, secret);
      if (answer.ok) continue;
      if (answer.status === 401 || answer.status === 403)
        throw new ApplyFailure(`the dataplane refused the new key for upstream ${upstream.name}: ${answer.message}`);
      if (answer.status === 404)
        throw new ApplyFailure(
          `upstream ${upstream.name} (${upstream.kind}) is not on ${this.ctx.deployment.name}: ${answer.message}`,
        );
      this.ctx.say(
        `The dataplane could not be asked about upstream ${upstream.name} from here (${answer.message}); the restart will tell.`,
      );
      return;
    }
  }

  async apply(secret: string): Promise<void> {
    const original = this.original;
    if (!original) throw new ApplyFailure('the config was not read before');
    await this.pretest(secret);
    const next = withNewAuthorization(original.text, secret);
    this.changed = true;
    try {
      // A backup left by an earlier run is replaced; a link planted there is removed, never followed.
      rmSync(this.backupPath, { force: true });
      copyFileSync(this.configPath, this.backupPath, constants.COPYFILE_EXCL);
      keepOwner(this.backupPath, original.stat);
      const written = writeExclusive(this.configPath, next, undefined, original.stat.mode & 0o7777);
      keepOwner(written, original.stat);
      renameSync(written, this.configPath);
    } catch (error) {
      throw new ApplyFailure(`${this.configPath} could not be written: ${describeFsError(error)}`);
    }
    this.logSizeBefore = this.logPath ? sizeOf(this.logPath) : 0;
    this.restartedAt = Math.floor(this.ctx.now().getTime() / 1000) - 1;
    const restart = await this.ctx.run(this.systemctl(['restart', this.unit], RESTART_MS), this.ctx.signal);
    if (restart.code !== 0) throw new ApplyFailure(`systemctl restart ${this.unit} failed: ${lastWords(restart)}`);
  }

  async prove(): Promise<Proof> {
    const lines: string[] = [];
    const first = await this.unitFacts();
    if (first.activeState !== 'active')
      return { outcome: 'failed', why: `${this.unit} is ${first.activeState} after the restart`, lines };
    const until = Date.now() + this.ctx.settings.settleMs;
    for (;;) {
      const now = await this.unitFacts();
      if (now.activeState !== 'active')
        return { outcome: 'failed', why: `${this.unit} became ${now.activeState}`, lines };
      if (now.restarts > first.restarts || now.mainPid !== first.mainPid)
        return {
          outcome: 'failed',
          why: `${this.unit} was restarted by systemd (restarts ${first.restarts} → ${now.restarts}, main PID ${first.mainPid} → ${now.mainPid}): nginx-asg-sync exits when the dataplane refuses its key`,
          lines,
        };
      const trouble = await this.trouble();
      if (trouble) return { outcome: 'failed', why: trouble, lines };
      const left = until - Date.now();
      if (left <= 0 || this.ctx.signal.aborted) break;
      await pause(Math.min(LOOK_EVERY_MS, left), this.ctx.signal);
    }
    if (this.ctx.signal.aborted) return { outcome: 'failed', why: 'stopped during the settle window', lines };
    lines.push(
      `${this.unit} active for ${seconds(this.ctx.settings.settleMs)} with main PID ${first.mainPid}, no restart, nothing refused in its log`,
    );
    this.dropBackup();
    return { outcome: 'proven', lines };
  }

  /** What the journal (and the -log_path file) say since the restart that means the key was refused. */
  private async trouble(): Promise<string | undefined> {
    const journal = await this.ctx.run(
      {
        program: 'journalctl',
        args: [`--unit=${this.unit}`, `--since=@${this.restartedAt}`, '--output=cat', '--no-pager'],
        timeoutMs: READ_MS,
      },
      this.ctx.signal,
    );
    const said = [journal.stdout, this.logPath ? tailOf(this.logPath, this.logSizeBefore) : '']
      .join('\n')
      .split('\n')
      .find((line) => TROUBLE.test(line));
    return said ? `nginx-asg-sync said: ${said.trim().slice(0, 200)}` : undefined;
  }

  private dropBackup(): void {
    try {
      unlinkSync(this.backupPath);
    } catch {
      // Not there: nothing holds the old key.
    }
  }

  async rollback(): Promise<{ ok: boolean; said: string }> {
    if (!this.changed) return { ok: true, said: `${this.configPath} was not changed` };
    try {
      renameSync(this.backupPath, this.configPath);
    } catch (error) {
      return {
        ok: false,
        said: `the backup ${this.backupPath} could not be put back (${describeFsError(error)}): move it over ${this.configPath} and restart ${this.unit}`,
      };
    }
    const restart = await this.ctx.run(this.systemctl(['restart', this.unit], RESTART_MS), undefined);
    if (restart.code !== 0)
      return {
        ok: false,
        said: `${this.configPath} is back, but systemctl restart ${this.unit} failed: ${lastWords(restart)}`,
      };
    return { ok: true, said: `${this.configPath} is back as it was and ${this.unit} restarted on the old key` };
  }
}
