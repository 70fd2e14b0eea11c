/**
 * Copying the key: OSC 52 (the terminal's own clipboard, also over SSH) and the system clipboard
 * where a tool for it exists. The key goes to a tool on its standard input, never its arguments.
 * Says which ways were tried and which worked, and whether the key surely arrived: OSC 52 alone
 * may not (many terminals ignore it), and a dumb terminal would print it.
 */
export interface Tool {
  command: string;
  args: string[];
  when: (env: NodeJS.ProcessEnv, platform: NodeJS.Platform) => boolean;
}

const TOOLS: Tool[] = [
  { command: 'pbcopy', args: [], when: (_e, p) => p === 'darwin' },
  { command: 'wl-copy', args: [], when: (e) => Boolean(e.WAYLAND_DISPLAY) },
  { command: 'xclip', args: ['-selection', 'clipboard'], when: (e) => Boolean(e.DISPLAY) },
  { command: 'xsel', args: ['--clipboard', '--input'], when: (e) => Boolean(e.DISPLAY) },
  { command: 'clip.exe', args: [], when: (e, p) => p === 'win32' || Boolean(e.WSL_DISTRO_NAME) },
];

function pipeTo(tool: Tool, text: string): Promise<boolean> {
  return new Promise((resolve) => {
    // node:child_process at the first copy, not before the wizard's first frame.
    const { spawn } = process.getBuiltinModule('node:child_process');
    const child = spawn(tool.command, tool.args, { stdio: ['pipe', 'ignore', 'ignore'] });
    const timer = setTimeout(() => {
      child.kill();
      resolve(false);
    }, 3000);
    child.on('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
    child.stdin.end(text);
  });
}

export function osc52(text: string): string {
  return `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

/** The system clipboard's tools that are tried here, in order (each may still be missing). */
export function clipboardTools(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Tool[] {
  return TOOLS.filter((t) => t.when(env, platform));
}

export function makeCopier(
  write: (data: string) => void,
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
) {
  return async (secret: string): Promise<{ said: string; sure: boolean; sent: boolean }> => {
    const terminal = env.TERM !== 'dumb';
    if (terminal) write(osc52(secret));
    const also = terminal ? ', and sent to the terminal clipboard (OSC 52)' : '';
    for (const tool of clipboardTools(env, platform)) {
      if (await pipeTo(tool, secret)) return { said: `Copied with ${tool.command}${also}.`, sure: true, sent: true };
    }
    if (!terminal)
      return {
        said: 'Not copied: no system clipboard tool was found, and a dumb terminal takes no OSC 52.',
        sure: false,
        sent: false,
      };
    return {
      said: 'Sent to the terminal clipboard (OSC 52) only: it arrives if your terminal allows it. No system clipboard tool was found.',
      sure: false,
      sent: true,
    };
  };
}
