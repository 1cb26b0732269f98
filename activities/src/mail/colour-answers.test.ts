import { cleanBody, labelledCleanBody } from './clean-body';
import { blockColours, colourAnswerLines } from './colour-answers';
import { parseEmail } from './parse-email';

const outlookCopy = (top: string, copy: string): string =>
  `<html><body><div>${top}</div><div style="border-top:solid #E1E1E1 1.0pt"><p><b>From:</b> Shop &lt;help@shop.example&gt;<br>` +
  `<b>Sent:</b> Monday, 23 November 2026 10:02<br><b>To:</b> Sam Reed &lt;sam@example.org&gt;<br><b>Subject:</b> Two questions</p></div>${copy}</body></html>`;

const eml = (html: string): Buffer =>
  Buffer.from(
    'From: Sam Reed <sam@example.org>\nTo: help@shop.example\nSubject: RE: Two questions\nMessage-ID: <ca-1@example.org>\n' +
      `MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n${html}\n`,
  );

const COPY =
  '<p style="margin:0">Hello Sam,</p><p style="margin:0">Which size would you like?</p>' +
  '<p style="margin:0"><font color="#1F4E79">Large, please.</font></p><p style="margin:0">Should we keep the old box?</p>' +
  '<p style="margin:0"><font color="#1F4E79">No need.</font></p><p style="margin:0">The Shop team</p>';

describe('answers marked only by colour inside an Outlook copy', () => {
  it('keeps the coloured answers, in order, when the text above announces them', async () => {
    const top = '<p style="margin:0">Hi,</p><p style="margin:0">My answers are in blue below.</p><p style="margin:0">Sam</p>';
    const cleaned = cleanBody(await parseEmail(eml(outlookCopy(top, COPY))));
    expect(labelledCleanBody(cleaned)).toBe('Hi,\nMy answers are in blue below.\n\nLarge, please.\n\nNo need.');
    expect(cleaned.quoted).toContain('Which size would you like?');
    expect(cleaned.quoted).not.toContain('Large, please.');
  });

  it('leaves a coloured line of the copy in the history when nothing announces answers', async () => {
    const top = '<p style="margin:0">Hi,</p><p style="margin:0">Large, and no need for the box.</p>';
    const cleaned = cleanBody(await parseEmail(eml(outlookCopy(top, COPY))));
    expect(cleaned.clean).toBe('Hi,\nLarge, and no need for the box.');
  });

  it('reads a block by its lines and a line by its colour; black and windowtext are the default', () => {
    const colours = blockColours(
      '<div>Plain<br><span style="color:red">Red line</span><br><span style="color:windowtext">Default</span> <b style="color:#000">too</b></div><p>Mixed <span style="color:#00f">blue</span></p>',
    );
    expect(colours.get('Plain')).toBe('');
    expect(colours.get('Red line')).toBe('#ff0000');
    expect(colours.get('Default too')).toBe('');
    expect(colours.get('Mixed blue')).toBe('*');
  });

  it('needs one colour of answers after a line of the copy: a message styled in several colours is not answered', () => {
    const lines = ['Réponses en rouge ci-dessous.', 'De : Shop', 'Titre', 'Question ?', 'Oui', 'Bas de page'];
    const styled = new Map([['Titre', '#ff0000'], ['Question ?', ''], ['Oui', '#0000ff'], ['Bas de page', '']]);
    expect([...colourAnswerLines(lines, 1, styled)]).toEqual([]);
    const answered = new Map([['Titre', ''], ['Question ?', ''], ['Oui', '#ff0000'], ['Bas de page', '']]);
    expect([...colourAnswerLines(lines, 1, answered)]).toEqual([4]);
    expect([...colourAnswerLines(['Merci.', ...lines.slice(1)], 1, answered)]).toEqual([]);
    // announced with a verb, in other languages
    expect([...colourAnswerLines(['Ich habe zwischen den Zeilen geantwortet.', ...lines.slice(1)], 1, answered)]).toEqual([4]);
    expect([...colourAnswerLines(['Le contesto en rojo debajo.', ...lines.slice(1)], 1, answered)]).toEqual([4]);
  });
});
