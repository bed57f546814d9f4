// The live connection to /hubs/dashboard: subscribes per topic, reconnects forever and resubscribes after a restart.
import { HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';
import { currentKey } from './api.js';

const maxRetryDelayMs = 5000;
const retryStepMs = 500;

export class DashboardHub {
  constructor() {
    this.topics = new Set();
    this.handlers = new Map();
    this.statusListeners = [];
    this.connection = null;
  }

  on(method, handler) {
    if (!this.handlers.has(method)) this.handlers.set(method, new Set());
    this.handlers.get(method).add(handler);
    return () => this.handlers.get(method).delete(handler);
  }

  onStatus(listener) {
    this.statusListeners.push(listener);
  }

  async start() {
    const key = currentKey();
    this.connection = new HubConnectionBuilder()
      .withUrl('/hubs/dashboard', {
        // WebSockets cannot carry headers: the key travels as access_token; negotiate also gets X-Api-Key.
        accessTokenFactory: () => currentKey(),
        headers: key ? { 'X-Api-Key': key } : {},
      })
      .withAutomaticReconnect({
        nextRetryDelayInMilliseconds: (context) => Math.min(retryStepMs * (context.previousRetryCount + 1), maxRetryDelayMs),
      })
      .configureLogging(LogLevel.Warning)
      .build();

    for (const method of ['topicUpdated', 'alertRaised', 'alertUpdated', 'conversationUpdated']) {
      this.connection.on(method, (payload) => {
        for (const handler of this.handlers.get(method) ?? []) handler(payload);
      });
    }

    this.connection.onreconnecting(() => this.status('reconnecting'));
    this.connection.onreconnected(() => this.resubscribe());
    // Automatic reconnect gives up only when the first connect never succeeded; keep trying.
    this.connection.onclose(() => this.connectWithRetry());
    await this.connectWithRetry();
  }

  async connectWithRetry() {
    for (let attempt = 0; this.connection.state === HubConnectionState.Disconnected; attempt++) {
      try {
        this.status('connecting');
        await this.connection.start();
        await this.resubscribe();
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, Math.min(retryStepMs * (attempt + 1), maxRetryDelayMs)));
      }
    }
  }

  async resubscribe() {
    for (const topic of this.topics) {
      await this.connection.invoke('Subscribe', topic);
    }
    this.status('live');
  }

  async subscribe(topicId) {
    this.topics.add(topicId);
    if (this.connection?.state === HubConnectionState.Connected) await this.connection.invoke('Subscribe', topicId);
  }

  async unsubscribe(topicId) {
    this.topics.delete(topicId);
    if (this.connection?.state === HubConnectionState.Connected) await this.connection.invoke('Unsubscribe', topicId);
  }

  status(state) {
    for (const listener of this.statusListeners) listener(state);
  }
}
