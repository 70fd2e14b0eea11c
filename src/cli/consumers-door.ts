/**
 * The wizard's way to what uses a key (NLK releases of the current kube context, nginx-asg-sync on
 * this machine): its rotation finds them and offers to apply the new key there. What does that
 * (src/apply) loads when a rotation first looks, not before the first frame.
 */
import { parseSettle } from '../commands/shared/settle';
import type { ConsumerDoor } from '../port/consumers';
import type { Gateway } from '../port/gateway';
import type { History } from '../port/history';
import { text, type Values } from './options';

export function consumersDoor(values: Values, gateway: Gateway, history: History | undefined): ConsumerDoor {
  const settleMs = parseSettle(text(values, 'settle'));
  let door: Promise<ConsumerDoor> | undefined;
  const opened = () =>
    (door ??= import('../apply/door').then(({ consumerDoor }) =>
      consumerDoor({ env: process.env, gateway, history, settleMs }),
    ));
  return {
    settleMs,
    find: async (...args) => (await opened()).find(...args),
    apply: async (...args) => (await opened()).apply(...args),
  };
}
