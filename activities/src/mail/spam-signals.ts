/**
 * Obvious unsolicited commercial mail: SEO / web-design / lead-generation pitches, crypto and "investment"
 * offers, prize and inheritance scams. Only clear cases: at least two independent pitch signals, and
 * nothing that looks like a customer talking about an order. Anything doubtful stays human mail.
 */
import type { CleanedBody, ParsedEmail } from '../domain/types';

const PITCH: RegExp[] = [
  /\bSEO\b|search engine optimi[sz]ation|référencement (?:naturel|google)/,
  /\b(?:first|1st|top) (?:page|position|rank(?:ing)?)s? (?:of|on|in) google\b|première page (?:de|sur) google|page 1 (?:of|on|de) google/i,
  /\b(?:back ?links?|guest posts?|domain authority|organic traffic|increase (?:your )?(?:traffic|sales|leads)|lead generation|web ?design services|website redesign|app development services)\b/i,
  /\b(?:crypto(?:currency)?|bitcoin|btc|forex|binary options|investment opportunit(?:y|ies)|double your (?:money|investment)|passive income)\b/i,
  /\b(?:you have won|you('ve| have) been selected|claim your (?:prize|reward)|lottery|inheritance|beneficiary|next of kin)\b/i,
  /\b(?:guarantee[ds]?|garanti[es]*)\b.{0,40}\b(?:ranking|results|traffic|first page|page 1|profit|return)/i,
  /\b(?:reply (?:yes|with yes)|répondez oui|free (?:audit|trial|quote|consultation)|audit gratuit|limited time offer|special (?:price|offer) (?:this|for)|tarif spécial|act now)\b/i,
  /\b(?:dear|hello|hi) (?:sir\/madam|sir or madam|website owner|business owner)\b|\bmadame, monsieur le (?:propriétaire|responsable du site)/i,
  /\bwe are a team of\b|\bnous sommes une (?:équipe|agence)\b/i,
  /\bwe are a (?:leading |professional |reliable )?(?:manufacturer|supplier|factory|wholesaler|agency)\b|\b(?:wholesale prices?|dropshipping|oem|moq)\b/i,
  /\b(?:boost|grow|skyrocket|double) your (?:sales|business|revenue|traffic|followers)\b|\b(?:instagram|tiktok|social media) (?:followers|likes)\b|\bmarketing services\b/i,
  /\b(?:loan offer|low[- ]interest loans?|quick loans?|debt relief|viagra|cialis|casino|betting)\b/i,
  /\b(?:verify your account|your account (?:will be|has been) (?:suspended|closed|locked)|confirm your (?:password|credentials))\b/i,
  /\b(?:to (?:unsubscribe|opt out)|reply (?:stop|remove|unsubscribe)|pour vous désinscrire)\b/i,
];

const SHOUTING = /\b[A-Z]{4,}\b.*\b[A-Z]{4,}\b|!!!/;
const ORDER_TALK = /\b(?:my|mon|ma|mes) (?:order|commande|colis|parcel|package)\b|\b[A-Z]{2,4}-\d{4,}\b/i;

export function looksLikeSpam(parsed: Pick<ParsedEmail, 'subject'>, cleaned: Pick<CleanedBody, 'clean'>): boolean {
  const text = `${parsed.subject}\n${cleaned.clean}`.slice(0, 5000);
  if (ORDER_TALK.test(text)) return false;
  let signals = 0;
  for (const re of PITCH) if (re.test(text)) signals++;
  if (signals >= 1 && SHOUTING.test(text)) signals++;
  return signals >= 3;
}
