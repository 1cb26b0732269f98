/**
 * Language of the new text: fr, en, or mixed when both carry real weight. Function-word counts, no model.
 */
import type { Lang } from '../domain/types';

const FR = new Set(`le la les un une des du de et est je j vous nous il elle ils elles ce cet cette ces mon ma mes
votre vos notre nos pour pas que qui quand sur dans avec mais où merci bonjour bonsoir madame monsieur commande colis
très bien suis ai avez avons été reçu reçue toujours encore aussi ne n d l qu c s est-ce pouvez pourriez voudrais
souhaite depuis déjà rien jamais aucun aucune cordialement quoi comment pourquoi combien ça cela chez sont était
avait sera serait fait faire peux puis-je veux leur leurs votre être avoir mois jour semaine hier aujourd demain`.split(/\s+/));
const EN = new Set(`the an and is are was were i you we it its this that these those my your our for not what when
with but or thanks thank hello hi dear order please could would should have has had been received still also do
does did can will there here any just know like want get got from they them their which who how why much many yet
arrived sent send me us week today yesterday tomorrow regards sincerely cheers it's i'm i've don't can't isn't
haven't hasn't wasn't won't sorry`.split(/\s+/));

export interface LangScores { fr: number; en: number }

export function langScores(text: string): LangScores {
  const tokens = text.toLowerCase().replace(/[’]/g, "'").match(/[\p{L}]+(?:'[\p{L}]+)?/gu) ?? [];
  let fr = 0;
  let en = 0;
  for (const raw of tokens) {
    const t = raw.includes("'") && !EN.has(raw) ? raw.split("'")[0]! : raw;
    if (FR.has(t)) fr++;
    if (EN.has(raw) || EN.has(t)) en++;
  }
  return { fr, en };
}

/**
 * fr / en by majority; mixed when the minority language has at least 4 function words and 12 % of the total
 * (a greeting or a "merci" alone does not make a mail mixed).
 */
export function detectLang(text: string, fallback: 'fr' | 'en' = 'fr'): Lang {
  const { fr, en } = langScores(text);
  const total = fr + en;
  if (total === 0) return fallback;
  const minority = Math.min(fr, en);
  if (minority >= 4 && minority / total >= 0.12) return 'mixed';
  if (fr === en) return fallback;
  return fr > en ? 'fr' : 'en';
}
