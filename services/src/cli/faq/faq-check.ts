/**
 * Checks of an FAQ page draft, shared by the tests and the command: the HTML parses without a single parse error
 * (parse5, the WHATWG parser), and its schema.org FAQPage JSON-LD has the shape search engines read and says exactly
 * what the visible page says.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface FaqPageFacts { errors: string[]; title: string | null; description: string | null; jsonLd: unknown[]; questions: { question: string; answer: string }[] }

const isElement = (n: Node): n is Element => 'tagName' in n;
const text = (n: Node): string => ('value' in n && n.nodeName === '#text' ? (n as { value: string }).value
  : 'childNodes' in n ? (n.childNodes as Node[]).map((c) => (isElement(c) && c.tagName === 'br' ? '\n' : text(c))).join('') : '');
const attr = (e: Element, name: string): string | null => e.attrs.find((a) => a.name === name)?.value ?? null;

function* walk(n: Node): Generator<Element> {
  if (isElement(n)) yield n;
  if ('childNodes' in n) for (const c of n.childNodes as Node[]) yield* walk(c);
  if (isElement(n) && n.tagName === 'template') yield* walk((n as unknown as { content: Node }).content);
}

/** Parses the page; `errors` lists every HTML parse error (none for a well-formed page). */
export function readFaqPage(html: string): FaqPageFacts {
  const errors: string[] = [];
  const doc = parse(html, { onParseError: (e) => errors.push(`${e.code} at ${e.startLine}:${e.startCol}`) });
  const elements = [...walk(doc as unknown as Node)];
  const title = elements.find((e) => e.tagName === 'title');
  const description = elements.find((e) => e.tagName === 'meta' && attr(e, 'name') === 'description');
  const jsonLd = elements.filter((e) => e.tagName === 'script' && attr(e, 'type') === 'application/ld+json').map((e) => JSON.parse(text(e)) as unknown);
  const questions = elements.filter((e) => e.tagName === 'section').map((s) => {
    const kids = s.childNodes.filter(isElement);
    return { question: text(kids.find((k) => k.tagName === 'h2')!), answer: kids.filter((k) => k.tagName === 'p').map(text).join('\n') };
  });
  return { errors, title: title ? text(title) : null, description: description ? attr(description, 'content') : null, jsonLd, questions };
}

/** What is wrong with a FAQPage JSON-LD object (nothing: an empty list). */
export function faqJsonLdProblems(ld: unknown): string[] {
  const problems: string[] = [];
  const o = ld as Record<string, unknown>;
  if (o?.['@context'] !== 'https://schema.org') problems.push('@context is not https://schema.org');
  if (o?.['@type'] !== 'FAQPage') problems.push('@type is not FAQPage');
  if (!Array.isArray(o?.mainEntity) || o.mainEntity.length === 0) return [...problems, 'mainEntity is not a non-empty list'];
  (o.mainEntity as Record<string, unknown>[]).forEach((q, i) => {
    if (q?.['@type'] !== 'Question') problems.push(`mainEntity[${i}] is not a Question`);
    if (typeof q?.name !== 'string' || !q.name.trim()) problems.push(`mainEntity[${i}] has no name`);
    const a = q?.acceptedAnswer as Record<string, unknown> | undefined;
    if (a?.['@type'] !== 'Answer') problems.push(`mainEntity[${i}].acceptedAnswer is not an Answer`);
    if (typeof a?.text !== 'string' || !a.text.trim()) problems.push(`mainEntity[${i}].acceptedAnswer has no text`);
  });
  return problems;
}
