import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import {
  AuthenticationConstants,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';

/** Service URLs come from activities; a bounded number of clients is kept, the least recently used dropped first. */
const MAX_CONNECTOR_CLIENTS = 100;

/**
 * botbuilder's authentication, except that the connector client (for replies to a service URL) and the user-token
 * client are built once per bot identity and service URL and then reused: building them means building an HTTP
 * pipeline of a dozen policies, and CloudAdapter does that on every turn, even when the replies go back in the
 * response body and neither client is ever called. The clients hold no per-turn state; their credentials fetch and
 * renew their own tokens.
 */
export class ReusedClientsAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  private readonly userTokenClients = new Map<string, Promise<UserTokenClient>>();

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    const { connectorFactory, claimsIdentity } = result;
    return connectorFactory ? { ...result, connectorFactory: this.reusing(connectorFactory, claimsIdentity) } : result;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(super.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    const appId = appIdOf(claimsIdentity);
    return remembered(this.userTokenClients, appId, () => super.createUserTokenClient(claimsIdentity));
  }

  private reusing(factory: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const appId = appIdOf(claimsIdentity);
    return {
      create: (serviceUrl: string, audience?: string) => {
        const key = JSON.stringify([appId, serviceUrl, audience]);
        const client = remembered(this.connectors, key, () => factory.create(serviceUrl, audience));
        // Map order is insertion order: moving the key to the end makes the first key the least recently used.
        this.connectors.delete(key);
        this.connectors.set(key, client);
        if (this.connectors.size > MAX_CONNECTOR_CLIENTS) this.connectors.delete(this.connectors.keys().next().value!);
        return client;
      },
    };
  }
}

/** The bot's app id as botbuilder's factories read it: the audience claim, else the app id claim. */
function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return (
    claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ''
  );
}

/** The cached promise for `key`, or a new one from `create`; a failed one is forgotten so the next call tries again. */
function remembered<T>(cache: Map<string, Promise<T>>, key: string, create: () => Promise<T>): Promise<T> {
  const cached = cache.get(key);
  if (cached) return cached;
  const created = create();
  cache.set(key, created);
  created.catch(() => {
    if (cache.get(key) === created) cache.delete(key);
  });
  return created;
}
