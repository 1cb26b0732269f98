/**
 * Answers written inside the message replied to, set apart by colour alone: in Outlook, a writer may answer between
 * the lines of the copy under its header block, in red or blue, with no `>` and no blockquote ("Voir mes réponses en
 * rouge ci-dessous", "see my answers below in blue"). In the text those lines sit inside the history; the HTML still
 * tells them apart. They count as the writer's only when the text above the copy announces answers, and only lines
 * of a colour other than the copy's own, after at least one line of the copy.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import { parseColor } from './html-visibility';

type DomDocument = ReturnType<typeof parseDocument>;
type ChildNode = DomDocument['children'][number];
type Element = Extract<ChildNode, { type: 'tag' | 'script' | 'style' }> & { name: string; attribs: Record<string, string> };

/** The writer announces answers inside the copy: answers (noun or verb) below / inline / between the lines / in a colour. */
const ANSWERS =
  '(?:r[ée]pon\\p{L}*|answer\\p{L}*|repl(?:y|ies|ied)|comment\\p{L}*|(?:be)?antwort\\p{L}*|respon\\p{L}*|respuest\\p{L}*|contest\\p{L}*|rispo\\p{L}*|(?:be)?antwoord\\p{L}*|respost\\p{L}*)';
const COLOUR = '(?:rouge|bleu|vert|violet|orange|couleur|red|blue|green|purple|colou?r|rot|blau|grün|farbe|rojo|azul|verde|color|rosso|blu|colore|rood|blauw|groen|kleur|vermelho|cor)';
const WHERE =
  `(?:ci-dessous|en dessous|plus bas|dans le (?:texte|message)|entre les lignes|below|inline|in line|in the text|between the lines|unten|im text|zwischen den zeilen|abajo|debajo|entre l[ií]neas|en el texto|sotto|nel testo|tra le righe|hieronder|in de tekst|tussen de regels|abaixo|no texto|entre linhas|(?:en|in|im|in het|em) ${COLOUR})`;
const ANNOUNCED = new RegExp(`${ANSWERS}[^.?!\\n]{0,40}?${WHERE}|${WHERE}[^.?!\\n]{0,30}?${ANSWERS}`, 'iu');

const BLOCK = new Set(['p', 'div', 'li', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'tr', 'table', 'body']);
const NOT_TEXT = new Set(['script', 'style', 'head', 'title', 'template', 'noscript']);

/** Each block's text (whitespace collapsed) → the colour it is written in (`#rrggbb`), '' for the default, '*' when mixed. */
export function blockColours(html: string): Map<string, string> {
  const doc = parseDocument(html, { decodeEntities: true });
  const colours = new Map<string, string>();
  const add = (text: string, colour: string): void => {
    if (!text) return;
    const seen = colours.get(text);
    colours.set(text, seen === undefined || seen === colour ? colour : '*');
  };
  // one block's runs: text and colour of each text node whose nearest block is this one
  const walk = (nodes: ChildNode[], colour: string, runs: Array<[string, string]>): void => {
    for (const node of nodes) {
      if (node.type === 'text') {
        runs.push([node.data, colour]); // spaces too: they join words; only text counts for the colour
        continue;
      }
      if (node.type !== 'tag') continue;
      const el = node as Element;
      const name = el.name.toLowerCase();
      if (NOT_TEXT.has(name)) continue;
      const own = colourOf(el);
      const c = own ?? colour;
      if (name === 'br') runs.push(['\n', c]);
      else if (BLOCK.has(name)) {
        const inner: Array<[string, string]> = [];
        walk(el.children, c, inner);
        flush(inner, add);
      } else walk(el.children, c, runs);
    }
  };
  const top: Array<[string, string]> = [];
  walk(doc.children, '', top);
  flush(top, add);
  return colours;
}

/** A block's runs as lines (split at <br>), each with its colour. */
function flush(runs: Array<[string, string]>, add: (text: string, colour: string) => void): void {
  let text = '';
  const seen = new Set<string>();
  const end = (): void => {
    const t = collapse(text);
    if (t) add(t, seen.size === 1 ? [...seen][0]! : '*');
    text = '';
    seen.clear();
  };
  for (const [t, c] of runs) {
    if (t === '\n') {
      end();
      continue;
    }
    text += t;
    if (t.trim()) seen.add(c);
  }
  end();
}

function colourOf(el: Element): string | null {
  const style = el.attribs['style'] ?? '';
  const m = style.match(/(?:^|;)\s*color\s*:\s*([^;]+)/i);
  const value = m?.[1]?.replace(/!important/i, '').trim() ?? el.attribs['color'];
  if (value === undefined) return null;
  const rgb = parseColor(value);
  if (!rgb) return value.trim().toLowerCase() === 'windowtext' ? '' : null;
  if (Math.max(...rgb) < 64) return ''; // black or nearly: the default text colour
  return `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Indices of history lines that are the writer's answers: in the history that runs from `historyStart`, lines of one
 * colour other than the copy's, below a line of the copy, when the text above the history announces answers.
 */
export function colourAnswerLines(lines: string[], historyStart: number, colours: Map<string, string>): Set<number> {
  const answers = new Set<number>();
  if (historyStart <= 0 || historyStart >= lines.length || !ANNOUNCED.test(lines.slice(0, historyStart).join('\n'))) return answers;
  const keyed: Array<[number, string]> = [];
  for (let i = historyStart; i < lines.length; i++) {
    const key = colours.get(collapse(lines[i]!));
    if (key !== undefined && key !== '*') keyed.push([i, key]);
  }
  const counts = new Map<string, number>();
  for (const [, k] of keyed) counts.set(k, (counts.get(k) ?? 0) + 1);
  const copy = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (copy === undefined) return answers;
  const others = new Set([...counts.keys()].filter((k) => k !== copy && k !== ''));
  if (others.size !== 1) return answers; // one colour of answers, not a styled message
  const [answer] = [...others];
  let copySeen = false;
  for (const [i, k] of keyed) {
    if (k === copy) copySeen = true;
    else if (k === answer && copySeen) answers.add(i);
  }
  return answers;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
