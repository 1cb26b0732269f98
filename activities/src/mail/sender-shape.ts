/**
 * The shape of who sent an email and where its links lead, as cues for impersonation: a sender domain one typo
 * away from the shop's (maison-lumem, rnaison-lumen), the shop's name over a foreign address, a Reply-To that
 * leaves the sender's domain, links to another domain that ask to pay, log in or verify. Each is a cue, never a
 * verdict: phishing-signals.ts weighs them together with what the text asks for.
 */
import type { ParsedEmail } from '../domain/types';

/** What the detector knows of the shop: its own domains (support address, website) and its name. */
export interface ShopIdentity {
  domains: string[];
  name: string;
}

export interface SenderShape {
  /** The sender's domain is a near copy of one of the shop's (one or two edits, rn→m, 0→o, other TLD, extra word). */
  lookalikeOfShop: boolean;
  /** The display name carries the shop's name but the address is not the shop's. */
  claimsShopName: boolean;
  /** Reply-To sends answers to another domain than the sender's. */
  replyToElsewhere: boolean;
  /** Links whose path or host asks to pay, log in, verify or confirm (not on the shop's own domain). */
  actionLinks: number;
  /** Links to a domain that is neither the sender's nor the shop's. */
  foreignLinks: number;
  /** Links anywhere but the shop's own domains (the sender's included). */
  links: number;
  /** A link's host is a near copy of the shop's domain. */
  lookalikeLink: boolean;
  /** The sender's or a link's domain dresses a carrier's or payment provider's name in other words (dhl-parcel-help). */
  lookalikeOfBrand: boolean;
  /** The display name is a carrier's or platform's ("Royal Mail", "FedEx Customs") but the address is not its domain. */
  claimsBrandName: boolean;
}

/**
 * Names phishing borrows in a shop's inbox: parcel carriers and payment or marketplace platforms. Their own mail comes
 * from the bare name under some TLD (dhl.com, laposte.net); a domain that wraps the name in other words
 * (colissimo-livraison-info, ups-douane-frais, amazon-seller-verify) or swaps a glyph (paypa1) is dressed up as it.
 */
/** Display names that claim a brand, as spelled in a From line ("Royal Mail", "La Poste", "Colis Privé"). */
const BRAND_NAMES: Record<string, string> = { 'royal mail': 'royalmail', 'la poste': 'laposte', 'colis privé': 'colisprive', 'colis prive': 'colisprive', 'mondial relay': 'mondialrelay', 'relais colis': 'relaiscolis', 'seller central': 'amazon' };

const BRANDS = ['colissimo', 'colisprive', 'chronopost', 'laposte', 'dhl', 'ups', 'fedex', 'dpd', 'gls', 'tnt', 'mondialrelay', 'relaiscolis',
  'royalmail', 'evri', 'impots', 'ameli', 'antai', 'hmrc', 'dvla', 'hermes', 'usps', 'paypal', 'stripe', 'amazon', 'shopify', 'ebay', 'etsy', 'sumup', 'lydia'];

/** Words a fake notifier adds to a name in its domain: delivery, tracking, fees, security, billing. */
const SERVICE_WORDS = new Set(['suivi', 'livraison', 'colis', 'tracking', 'track', 'delivery', 'redelivery', 'parcel', 'parcels',
  'shipping', 'douane', 'customs', 'frais', 'fee', 'fees', 'pay', 'payment', 'payments', 'paiement', 'billing', 'facturation',
  'secure', 'securite', 'verify', 'verification', 'login', 'signin', 'account', 'compte', 'support', 'help', 'infos', 'info',
  'reschedule', 'notification', 'notifications', 'service', 'services', 'update', 'maj']);

export function isBrandLookalike(domain: string): boolean {
  if (!domain) return false;
  const name = nameOf(registrableDomain(domain));
  const parts = name.split(/[-_.]/).filter(Boolean);
  // a name followed or preceded by service words: "colisprive-suivi-fr", "royal-mail-redelivery", "shop-billing"
  if (parts.length >= 2 && parts.some((p) => SERVICE_WORDS.has(p)) && parts.some((p) => !SERVICE_WORDS.has(p) && p.length >= 3)) return true;
  const bare = name.replace(/[^a-z0-9]/g, '');
  return BRANDS.some((brand) => {
    if (bare === brand) return false;
    // short names only as a whole word of the domain (ups-douane, not groups); longer ones inside a word too
    if (brand.length <= 4 ? parts.includes(brand) : bare.includes(brand)) return true;
    return brand.length >= 5 && foldGlyphs(bare) !== bare && foldGlyphs(bare).includes(brand);
  });
}

const SECOND_LEVEL = /^(?:co|com|org|net|ac|gov|gouv|edu|ne|or)$/;

/** "mail.notif.carrier.co.uk" → "carrier.co.uk"; "x.maison-lumen.example" → "maison-lumen.example". */
export function registrableDomain(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.').filter(Boolean);
  if (labels.length <= 2) return labels.join('.');
  const keep = SECOND_LEVEL.test(labels[labels.length - 2]!) && labels[labels.length - 1]!.length === 2 ? 3 : 2;
  return labels.slice(-keep).join('.');
}

const domainOf = (address: string | undefined | null): string => (address ?? '').split('@')[1]?.toLowerCase() ?? '';
/** The registrable name without its TLD: "maison-lumen.example" → "maison-lumen". */
const nameOf = (domain: string): string => registrableDomain(domain).replace(/\.[^.]+(?:\.[a-z]{2})?$/, '');
/** Characters a reader's eye confuses: rn/m, vv/w, 0/o, 1/l, I/l. */
const foldGlyphs = (s: string): string => s.replace(/rn/g, 'm').replace(/vv/g, 'w').replace(/0/g, 'o').replace(/[1i]/g, 'l');

function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** True when `domain` is not one of the shop's but imitates one of them. */
export function isLookalikeDomain(domain: string, shopDomains: string[]): boolean {
  if (!domain) return false;
  const reg = registrableDomain(domain);
  const own = shopDomains.map(registrableDomain);
  if (own.includes(reg)) return false;
  const name = nameOf(reg);
  return own.some((shop) => {
    const shopName = nameOf(shop);
    if (shopName.length < 4) return false;
    if (name === shopName) return true; // same name under another TLD
    if (foldGlyphs(name) === foldGlyphs(shopName)) return true;
    if (editDistance(name, shopName) <= (shopName.length >= 8 ? 2 : 1)) return true;
    // the shop's name plus a word: maison-lumen-paiement, securemaisonlumen
    const bare = (s: string): string => s.replace(/[^a-z0-9]/g, '');
    return bare(name).includes(bare(shopName));
  });
}

const URL_HOST = /\bhttps?:\/\/([a-z0-9.-]+\.[a-z]{2,})(\/[^\s"'<>]*)?/gi;
const ACTION_URL = /pay|paie|payer|regler|reglement|r%c3%a9gler|verif|secure|login|log-in|signin|sign-in|confirm|restore|unlock|valid|update|account|compte|billing|factur|invoice|douane|customs|fee|frais|wallet|bank|banque|renew|release|redeliver|reschedul|reprogramm|debloq|unblock|dut(?:y|ies)/i;

/** Hosts and paths of every link in the text and in the HTML's href attributes. */
export function linksOf(parsed: Pick<ParsedEmail, 'text' | 'html'>): { host: string; path: string }[] {
  const links: { host: string; path: string }[] = [];
  const seen = new Set<string>();
  for (const source of [parsed.text, parsed.html ?? '']) {
    for (const m of source.matchAll(URL_HOST)) {
      const host = m[1]!.toLowerCase();
      const path = m[2] ?? '';
      if (seen.has(host + path)) continue;
      seen.add(host + path);
      links.push({ host, path });
    }
  }
  return links;
}

/** The brand a display name claims ("FedEx Customs" → fedex), short names only as whole words; null for none. */
export function brandOfDisplayName(displayName: string): string | null {
  const name = displayName.toLowerCase();
  for (const [spelled, brand] of Object.entries(BRAND_NAMES)) if (name.includes(spelled)) return brand;
  const words = name.split(/[^a-z0-9]+/).filter(Boolean);
  return BRANDS.find((brand) => (brand.length <= 4 ? words.includes(brand) : words.some((w) => w.includes(brand)))) ?? null;
}

export function senderShape(parsed: ParsedEmail, shop: ShopIdentity | null): SenderShape {
  const shopDomains = (shop?.domains ?? []).filter(Boolean);
  const ownRegs = shopDomains.map(registrableDomain);
  const fromDomain = domainOf(parsed.from?.address);
  const fromReg = fromDomain ? registrableDomain(fromDomain) : '';
  const fromIsShop = ownRegs.includes(fromReg);
  const replyReg = registrableDomain(domainOf(parsed.replyTo?.address));
  const shopName = (shop?.name ?? '').trim().toLowerCase();
  const displayName = (parsed.from?.name ?? '').toLowerCase();

  let actionLinks = 0;
  let foreignLinks = 0;
  let links = 0;
  let lookalikeLink = false;
  let lookalikeOfBrand = isBrandLookalike(fromDomain);
  for (const { host, path } of linksOf(parsed)) {
    const reg = registrableDomain(host);
    if (ownRegs.includes(reg)) continue;
    links++;
    if (isLookalikeDomain(host, shopDomains)) lookalikeLink = true;
    if (isBrandLookalike(host)) lookalikeOfBrand = true;
    if (reg !== fromReg) foreignLinks++;
    if (ACTION_URL.test(`${host}${path}`)) actionLinks++;
  }
  return {
    lookalikeOfShop: isLookalikeDomain(fromDomain, shopDomains),
    claimsShopName: !fromIsShop && shopName.length >= 4 && displayName.includes(shopName),
    replyToElsewhere: Boolean(replyReg && fromReg && replyReg !== fromReg),
    actionLinks,
    foreignLinks,
    links,
    lookalikeLink,
    lookalikeOfBrand,
    claimsBrandName: claimsBrand(displayName, fromReg),
  };
}

/** A brand in the display name over an address whose registrable name is not that brand's (amazon.fr is Amazon's). */
function claimsBrand(displayName: string, fromReg: string): boolean {
  const brand = brandOfDisplayName(displayName);
  if (!brand || !fromReg) return false;
  return nameOf(fromReg).replace(/[^a-z0-9]/g, '') !== brand;
}
