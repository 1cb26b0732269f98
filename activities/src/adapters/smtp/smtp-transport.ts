/** The nodemailer transport to the outgoing SMTP server. Locally: smtp-sink on 127.0.0.1:2525, which has no TLS. */
import type { ConnectionOptions } from 'node:tls';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';

export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (465). When false, STARTTLS is used if the server offers it (smtp-sink does not). */
  secure: boolean;
  /** Refuse to send without STARTTLS (production relays on 587). */
  requireTLS?: boolean;
  /** Never try STARTTLS, even when offered. */
  ignoreTLS?: boolean;
  /** node:tls options for implicit TLS and STARTTLS (a private CA: `{ ca }`). */
  tls?: ConnectionOptions;
  user?: string | undefined;
  password?: string | undefined;
  /** Milliseconds; defaults keep a stuck server from holding an activity for minutes. */
  connectionTimeoutMs?: number;
  socketTimeoutMs?: number;
}

export type SmtpTransport = Transporter<SMTPTransport.SentMessageInfo>;

export function createSmtpTransport(settings: SmtpSettings): SmtpTransport {
  return nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    requireTLS: settings.requireTLS ?? false,
    ignoreTLS: settings.ignoreTLS ?? false,
    ...(settings.tls ? { tls: settings.tls } : {}),
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
    connectionTimeout: settings.connectionTimeoutMs ?? 10_000,
    greetingTimeout: settings.connectionTimeoutMs ?? 10_000,
    socketTimeout: settings.socketTimeoutMs ?? 30_000,
    // nodemailer's own logger would print envelopes (addresses): keep it off.
    logger: false,
    debug: false,
  });
}
