import type { Values } from '../cli-options';
import type { Connection } from '../cli-connect';
import type { Io } from '../io';
export async function runPlain(_c: Connection, _v: Values, _io: Io): Promise<number> { return 2; }
