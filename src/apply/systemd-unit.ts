/** What systemd and the agent's command line say of nginx-asg-sync's unit: `systemctl show` and a Go flag's value. */

export interface UnitFacts {
  loadState: string;
  activeState: string;
  mainPid: number;
  restarts: number;
  argv: string[];
}

/** `systemctl show` lines: `Name=value`, one a line. */
export function readUnit(text: string): UnitFacts {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0 && !fields.has(line.slice(0, at))) fields.set(line.slice(0, at), line.slice(at + 1));
  }
  const execStart = fields.get('ExecStart') ?? '';
  const argv = /argv\[\]=([^;]*)/.exec(execStart)?.[1]?.trim().split(/\s+/) ?? [];
  return {
    loadState: fields.get('LoadState') ?? '',
    activeState: fields.get('ActiveState') ?? '',
    mainPid: Number(fields.get('MainPID') ?? 0),
    restarts: Number(fields.get('NRestarts') ?? 0),
    argv,
  };
}

/** A Go flag's value in argv: `-name=v`, `--name=v`, `-name v`. */
export function flagValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? '';
    const match = new RegExp(`^--?${name}(=(.*))?$`).exec(word);
    if (!match) continue;
    return match[1] !== undefined ? match[2] : argv[i + 1];
  }
  return undefined;
}
