// What GET /metrics reads from the store.
export interface MetricsRepository {
  /** Call sessions not yet ended. */
  activeCalls(): Promise<number>;
  /** Webhook deliveries waiting, and the age of the oldest at `now` (ISO-8601). */
  outbox(now: string): Promise<{ pending: number; oldestSeconds: number }>;
  /** Delivery attempts ever made, and those that did not deliver (retried or failed). */
  deliveryAttempts(): Promise<{ attempts: number; failures: number }>;
}
