/** GET /subscriptions and GET /subscriptions/{id}. */
import { ArmFailure, type Reply } from '../http';
import { SUBSCRIPTION_API_VERSIONS } from '../service-rules';
import type { World } from '../world';
import type { WireSubscription } from '../../wire/types';
import { page, requireApiVersion, requireMethod, type ArmContext } from './common';

export function wireSubscription(s: ReturnType<World['subscriptions']>[number]): WireSubscription {
  return {
    id: `/subscriptions/${s.subscriptionId}`,
    subscriptionId: s.subscriptionId,
    displayName: s.displayName,
    state: s.state,
    tenantId: s.tenantId,
  };
}

export function listSubscriptions(ctx: ArmContext): Reply {
  requireMethod(ctx, ['GET']);
  requireApiVersion(ctx, SUBSCRIPTION_API_VERSIONS, 'subscriptions');
  return page(ctx, ctx.world.subscriptions().map(wireSubscription));
}

export function findSubscription(ctx: ArmContext, id: string) {
  const subscription = ctx.world.subscription(id);
  if (!subscription) throw new ArmFailure(404, 'SubscriptionNotFound', `The subscription '${id}' could not be found.`);
  return subscription;
}

export function getSubscription(ctx: ArmContext, [id]: string[]): Reply {
  requireMethod(ctx, ['GET']);
  requireApiVersion(ctx, SUBSCRIPTION_API_VERSIONS, 'subscriptions');
  return { status: 200, body: wireSubscription(findSubscription(ctx, id as string)) };
}
