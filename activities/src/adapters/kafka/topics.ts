/** Kafka topic names. Both carry references and PII-free events, keyed by emailKey; never a body. */
export interface EmailTopics {
  /** InboundRef messages: a raw email was stored and should start (or resume) its workflow. */
  inbound: string;
  /** EmailEvent messages: one per step of an email's workflow, for audit and dashboards. */
  events: string;
}

export const EMAIL_TOPICS: EmailTopics = { inbound: 'email.inbound', events: 'email.events' };
