/**
 * Why a deployment's dataplane could not be asked from this machine, in words: the host, and what
 * happened, never an errno. A private deployment, or a laptop outside its network, cannot reach
 * it; that says nothing about the key, so it is said as "could not check", never as a refusal.
 */

/** What the network did, as words that follow the host ("web-01….nginxaas.net refused the connection"). */
export function networkCause(code: string | undefined): string {
  switch (code) {
    case 'ENOTFOUND':
      return "is not a name this machine's DNS knows";
    case 'EAI_AGAIN':
      return 'could not be looked up: DNS did not answer';
    case 'ECONNREFUSED':
      return 'refused the connection';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'TIMEOUT':
      return 'did not answer in time';
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'REQUEST_SEND_ERROR':
      return 'cut the connection before answering';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'cannot be reached from this network';
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'CERT_HAS_EXPIRED':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return 'showed a certificate this machine does not trust';
    default:
      return 'could not be reached';
  }
}

/**
 * An answer that is not about the key (a gateway's 502, a 404 page): the host answered, but not
 * the question. `words`: what it said, already made safe to show.
 */
export function answerCause(status: number, words?: string): string {
  return `answered HTTP ${status}${words ? `: ${words}` : ''}, which says nothing about the key`;
}

/** One sentence: "Could not check 'nlk-prod-2' from here: <host> <cause>." (`what`: the key, named or not). */
export function couldNotCheck(what: string, unreachable: { host: string; cause: string }): string {
  return `Could not check ${what} from here: ${unreachable.host} ${unreachable.cause}.`;
}
