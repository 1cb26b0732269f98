/**
 * Templates and prompts, for prompt owners (role `prompts`, and leads): the version in force with a one-click
 * rollback, an editor (one FR/EN pair per phrase, with the variables each may use; the prompt as JSON), every
 * version with who, when, what changed and its activation check, and a preview on a real past email.
 */
import type {
  WordingActivationRow, WordingCheckRow, WordingKind, WordingVersionRow,
} from '@replique/activities/adapters/pg/wording-versions';
import type { GuardrailReport } from '@replique/activities/domain/types';
import { describePolicyChange } from '@replique/activities/triage/policy-diff';
import {
  BUILTIN_TEMPLATE_WORDING, PHRASE_KEYS, PHRASES, type PhraseKey, type PhraseText, type TemplateWording,
} from '@replique/activities/reply/wording/phrase-catalogue';
import type { Reviewer } from '../auth/session-auth';
import type { PreviewedDraft } from '../../wording/preview-draft';
import type { SetResult } from '../../wording/activation-check';
import { html, type SafeHtml } from './html';
import { page } from './layout';

export interface TemplatesPageInput {
  reviewer: Reviewer;
  kind: WordingKind;
  active: WordingActivationRow | null;
  versions: WordingVersionRow[];
  checks: Map<number, WordingCheckRow>;
  activations: WordingActivationRow[];
  /** The body in the editor: the submitted one after an error, else the version chosen (default: in force). */
  editing: { basedOn: number | null; body: unknown; text?: string };
  emails: Array<{ emailKey: string; intent: string; route: string; createdAt: Date }>;
  error?: string | null;
  flash?: string | null;
}

const when = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');

function checkCell(kind: WordingKind, v: WordingVersionRow, check: WordingCheckRow | undefined, active: number | null, csrf: SafeHtml): SafeHtml {
  const sets = (check?.report?.sets ?? []) as SetResult[];
  const figures = sets.map((s) => html`<div class="muted">${s.set}: ${s.emails} emails, unsafe auto ${s.unsafeAuto},
    wrong facts ${s.wrongFactsSent}, forbidden ${s.forbiddenPhrasesSent}, missing facts ${s.missingFact} (${(s.ms / 1000).toFixed(1)} s)</div>`);
  const error = typeof check?.report?.error === 'string' ? html`<div class="error">${check.report.error}</div>` : '';
  const status = check ? html`<b class="check-${check.status}">${check.status}</b>${figures}${error}` : html`<span class="muted">not checked</span>`;
  const actions = html`<form method="post" action="/templates/check" class="inline">${csrf}<input type="hidden" name="kind" value="${kind}">
      <input type="hidden" name="version" value="${v.version}"><button type="submit" class="check" ${check?.status === 'running' ? 'disabled' : ''}>Run check</button></form>
    ${check?.status === 'passed' && v.version !== active ? html`<form method="post" action="/templates/activate" class="inline">${csrf}
      <input type="hidden" name="kind" value="${kind}"><input type="hidden" name="version" value="${v.version}">
      <button type="submit" class="activate">Activate</button></form>` : ''}`;
  return html`<td class="check" data-version="${v.version}">${status}<div>${actions}</div></td>`;
}

/** A phrase of the version edited; one that joined the catalogue after the version was saved shows its shipped words. */
function phraseOf(body: TemplateWording, key: PhraseKey): PhraseText {
  return body.phrases?.[key] ?? BUILTIN_TEMPLATE_WORDING.phrases[key];
}

function templateEditor(body: TemplateWording): SafeHtml {
  return html`<table class="phrases"><thead><tr><th>Phrase</th><th>French</th><th>English</th></tr></thead><tbody>
    ${PHRASE_KEYS.map((key) => html`<tr><td><code>${key}</code><div class="muted">${PHRASES[key].about}</div>
        <div class="muted">${PHRASES[key].vars.length ? PHRASES[key].vars.map((v) => `{${v}}`).join(' ') : 'no variable'}</div></td>
      <td><textarea name="fr.${key}" rows="3">${phraseOf(body, key).fr}</textarea></td>
      <td><textarea name="en.${key}" rows="3">${phraseOf(body, key).en}</textarea></td></tr>`)}
  </tbody></table>`;
}

export function templatesPage(input: TemplatesPageInput): string {
  const { reviewer, kind, active, versions, checks, editing, emails, error, flash } = input;
  const csrf = html`<input type="hidden" name="_csrf" value="${reviewer.csrfToken}">`;
  const running = [...checks.values()].some((c) => c.status === 'running');
  const inForce = active?.version ?? null;
  const editor = kind === 'templates'
    ? templateEditor(editing.body as TemplateWording)
    : html`<textarea name="body" id="prompt-body" rows="30" spellcheck="false">${editing.text ?? JSON.stringify(editing.body, null, 2)}</textarea>`;
  return page('Templates', html`<h1>${kind === 'templates' ? 'Reply templates' : 'Drafting prompt'}
      <small><a href="/templates?kind=templates">templates</a> · <a href="/templates?kind=prompts">prompts</a></small></h1>
    ${flash ? html`<p class="flash" id="templates-flash">${flash}</p>` : ''}
    ${error ? html`<pre class="error" id="templates-error">${error}</pre>` : ''}
    <section class="in-force">
      <h2>In force: <span id="in-force-version">version ${inForce ?? '—'}</span>
        ${active ? html`<small>${active.action === 'seed' ? 'the shipped wording' : `${active.action === 'rollback' ? 'rolled back' : 'activated'} by ${active.activatedBy}`}, ${when(active.createdAt)} UTC</small>` : ''}</h2>
      <p class="muted">Workers take an activation or a rollback within seconds, without a restart; each draft records the version
        that wrote it. CLI: <code>pnpm -s replique templates list|save|check|activate|rollback --kind ${kind}</code>.</p>
      <form method="post" action="/templates/rollback" class="action">${csrf}<input type="hidden" name="kind" value="${kind}">
        <button type="submit" id="rollback" class="danger">Roll back to the previous version</button></form>
    </section>
    <section>
      <h2>Versions</h2>
      <table class="stats" id="versions"><thead><tr><th>Version</th><th>When (UTC)</th><th>Who</th><th>What changed</th><th>Note</th><th>Activation check</th></tr></thead><tbody>
      ${versions.map((v) => html`<tr class="${v.version === inForce ? 'in-force' : ''}"><td>${v.version}${v.version === inForce ? html` <span class="tag">in force</span>` : ''}
          <div><a href="/templates?kind=${kind}&amp;edit=${v.version}">edit from here</a></div></td>
        <td>${when(v.createdAt)}</td><td>${v.createdBy}</td>
        <td>${v.diff.length ? v.diff.slice(0, 8).map((c) => html`<div><code>${describePolicyChange(c)}</code></div>`) : html`<span class="muted">first version</span>`}
          ${v.diff.length > 8 ? html`<div class="muted">and ${v.diff.length - 8} more</div>` : ''}</td>
        <td>${v.note ?? ''}</td>${checkCell(kind, v, checks.get(v.version), inForce, csrf)}</tr>`)}
      </tbody></table>
    </section>
    ${kind === 'templates' ? html`<section>
      <h2>Preview on a past email</h2>
      <form method="get" action="/templates/preview" class="action preview">
        <select name="version" id="preview-version">${versions.map((v) => html`<option value="${v.version}">version ${v.version}</option>`)}</select>
        <select name="email" id="preview-email">${emails.map((e) => html`<option value="${e.emailKey}">${when(e.createdAt)} · ${e.intent} · ${e.route} · ${e.emailKey.slice(0, 10)}</option>`)}</select>
        <button type="submit" id="preview">Preview</button>
      </form>
    </section>` : ''}
    <section>
      <h2>Edit <small>from version ${editing.basedOn ?? '—'}; saved as version ${(versions[0]?.version ?? 0) + 1}, not in force until checked and activated</small></h2>
      <p class="muted">${kind === 'templates'
        ? 'Only the words change: which phrase is said, and when, stays in code, and so do the guardrails. A phrase may use only the variables listed beside it, each bound to a verified fact; any other is refused.'
        : 'Context, objective, constraints, two or three good and two or three bad examples, output format (subject, paragraphs, facts used). A model’s draft is checked like any other.'}</p>
      <form method="post" action="/templates/save" class="action wording-editor">${csrf}<input type="hidden" name="kind" value="${kind}">
        ${editor}
        <input name="note" placeholder="what and why (kept in the history)" size="60">
        <button type="submit" id="save-version">Save as version ${(versions[0]?.version ?? 0) + 1}</button>
      </form>
    </section>
    <section>
      <h2>Activations</h2>
      <table class="stats" id="activations"><thead><tr><th>When (UTC)</th><th>Version</th><th>Action</th><th>Who</th></tr></thead><tbody>
      ${input.activations.map((a) => html`<tr><td>${when(a.createdAt)}</td><td>${a.version}</td><td>${a.action}</td><td>${a.activatedBy}</td></tr>`)}
      </tbody></table>
    </section>`, reviewer, { refreshSeconds: running ? 3 : 0 });
}

function draftColumn(title: string, d: PreviewedDraft, id: string): SafeHtml {
  const g: GuardrailReport | null = d.guardrails;
  return html`<section id="${id}"><h2>${title} <small>version ${d.version}</small></h2>
    ${d.draft ? html`<p><b>${d.draft.subject}</b></p><pre class="body">${d.draft.body}</pre>
      <p>${g?.passed ? html`<span class="tag">checks passed</span>` : html`${(g?.fired ?? []).map((f) => html`<span class="tag guard">${f}</span>`)}`}</p>`
    : html`<p class="muted">no draft (machine mail)</p>`}</section>`;
}

export function templatePreviewPage(input: { reviewer: Reviewer; emailKey: string; inForce: PreviewedDraft; candidate: PreviewedDraft }): string {
  return page('Template preview', html`<h1>Preview <small>email ${input.emailKey.slice(0, 12)}…; nothing is saved or sent</small></h1>
    <p><a href="/templates?kind=templates">Back to the templates</a></p>
    <div class="columns even">${draftColumn('In force', input.inForce, 'preview-in-force')}${draftColumn('This version', input.candidate, 'preview-candidate')}</div>`,
  input.reviewer);
}
