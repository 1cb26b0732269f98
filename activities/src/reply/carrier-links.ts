/**
 * Public tracking pages per carrier. Shop data holds the carrier and tracking number; the link is derived from
 * them so a reader can follow the parcel, and the fact-check can recognise the link as the order's own.
 */
export const CARRIER_TRACKING_URLS: Record<string, string> = {
  ups: 'https://www.ups.com/track?tracknum={n}',
  dhl: 'https://www.dhl.com/fr-fr/home/suivi.html?tracking-id={n}',
  colissimo: 'https://www.laposte.fr/outils/suivre-vos-envois?code={n}',
  chronopost: 'https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT={n}',
  'la poste': 'https://www.laposte.fr/outils/suivre-vos-envois?code={n}',
  gls: 'https://gls-group.com/FR/fr/suivi-colis?match={n}',
  dpd: 'https://trace.dpd.fr/fr/trace/{n}',
  fedex: 'https://www.fedex.com/fedextrack/?trknbr={n}',
  'mondial relay': 'https://www.mondialrelay.fr/suivi-de-colis/?NumeroExpedition={n}',
};

/** Carrier names the fact-check recognises in a draft, whatever the shop's orders use. */
export const KNOWN_CARRIERS = ['UPS', 'DHL', 'Colissimo', 'Chronopost', 'La Poste', 'GLS', 'DPD', 'FedEx', 'Mondial Relay', 'TNT'];

export function trackingUrl(carrier: string | null | undefined, trackingNumber: string | null | undefined): string | null {
  if (!carrier || !trackingNumber) return null;
  const pattern = CARRIER_TRACKING_URLS[carrier.trim().toLowerCase()];
  return pattern ? pattern.replace('{n}', encodeURIComponent(trackingNumber)) : null;
}
