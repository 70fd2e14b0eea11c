/** web-01 of the emulator's sample world, as a command line names it and as a reference; days from now. */
import { PRODUCTION } from '../../src/emulator/sample-data';

export const WEB_ARGV = ['-d', 'web-01', '-g', 'edge-rg', '--subscription', PRODUCTION];
export const WEB_REF = { subscriptionId: PRODUCTION, resourceGroup: 'edge-rg', name: 'web-01' };

export const inDays = (days: number, from = new Date()) => new Date(from.getTime() + days * 86_400_000);
