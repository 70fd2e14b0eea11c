/** What a mode is handed once the run is connected: the port to Azure (or the demo emulator). */
import type { Gateway } from './gateway';

export interface Session {
  gateway: Gateway;
  /** True on the embedded emulator (--demo): screens say so. */
  demo: boolean;
  /** On --demo: the emulator's vault, offered as the Key Vault hand-off's default. */
  demoVault?: string;
  close(): Promise<void>;
}
