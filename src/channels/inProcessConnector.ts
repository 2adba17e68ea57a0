import { CloudAdapter, type Activity } from 'botbuilder';
import { ReusedClientsAuthentication } from './botFramework/reusedClients';

/** What a bridge does with one activity the bot sends: queue it, post it to another service... Returns its id. */
export type DeliverActivity = (conversationId: string, activity: Partial<Activity>) => Promise<string> | string;

/** The serviceUrl of conversations a bridge serves: never reached over a network, and safe to show. */
export const IN_PROCESS_SERVICE_URL = 'https://in-process.backcare.invalid';

/** The parts of botframework-connector's request and response objects this connector reads and writes. */
interface ConnectorRequest {
  url: string;
  method: string;
  body?: unknown;
}

const SEND_ACTIVITY = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/;

/**
 * A CloudAdapter for a channel bridge (our Direct Line, Slack): the bot runs on
 * the ordinary Bot Framework path, and its connector calls ("send to
 * conversation", "reply to activity", proactive messages included) are handed
 * to `deliver` inside this process instead of going out as HTTP requests. So no
 * connector endpoint is exposed, and no key can leak or be replayed.
 */
export function inProcessAdapter(deliver: DeliverActivity): CloudAdapter {
  const httpClient = {
    async sendRequest(request: ConnectorRequest) {
      const path = new URL(request.url).pathname;
      const match = request.method === 'POST' ? SEND_ACTIVITY.exec(path) : null;
      if (!match) return respond(request, 501, { error: { code: 'NotImplemented', message: 'not supported here' } });
      const activity = JSON.parse(String(request.body ?? '{}')) as Partial<Activity>;
      const id = await deliver(decodeURIComponent(match[1]), activity);
      return respond(request, 200, { id });
    },
  };
  // No credentials: the bridge authenticates its own users, and nothing here leaves the process.
  return new CloudAdapter(
    new ReusedClientsAuthentication({}, undefined, undefined, undefined, {
      httpClient,
    } as unknown as ConstructorParameters<typeof ReusedClientsAuthentication>[4]),
  );
}

function respond(request: ConnectorRequest, status: number, body: object) {
  const headers = { 'content-type': 'application/json; charset=utf-8' };
  return {
    request,
    status,
    headers: { toJson: () => headers, get: (name: string) => headers[name.toLowerCase() as 'content-type'] },
    bodyAsText: JSON.stringify(body),
  };
}
