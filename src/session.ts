/** What a mode is handed once the run is connected: the port to Azure (or the demo emulator). */
import type { Gateway } from './gateway';

export interface Session {
  gateway: Gateway;
  /** True on the embedded emulator (--demo): screens say so. */
  demo: boolean;
  close(): Promise<void>;
}
