import { cleanBody } from './clean-body';
import { fileNameWords, htmlComments, messageCarriers, quotedBlocks } from './carriers';
import { parseEmail } from './parse-email';

const SHOP = { supportAddress: 'hello@boutique-test.example', shopName: 'Boutique Test' };

async function carriersOf(raw: string) {
  const parsed = await parseEmail(Buffer.from(raw.replace(/\n/g, '\r\n'), 'utf8'));
  return messageCarriers(parsed, cleanBody(parsed), SHOP);
}

const HEAD = [
  'From: "Paul Girard" <paul.girard@example.fr>', 'To: hello@boutique-test.example', 'Subject: Ma commande',
  'Date: Tue, 10 Mar 2026 10:00:00 +0100', 'Message-ID: <c1@example.fr>', 'MIME-Version: 1.0',
].join('\n');

describe('messageCarriers', () => {
  test('body, subject, display name and signature are apart', async () => {
    const segs = await carriersOf(`${HEAD}\nContent-Type: text/plain; charset=utf-8\n\nBonjour,\n\nOù en est mon colis ?\n\nMerci,\nPaul\n-- \nPaul Girard\nMenuiserie Girard\n`);
    expect(segs.find((s) => s.carrier === 'body')?.text).toContain('Où en est mon colis');
    expect(segs.find((s) => s.carrier === 'subject')?.text).toBe('Ma commande');
    expect(segs.find((s) => s.carrier === 'display_name')?.text).toBe('Paul Girard');
    expect(segs.find((s) => s.carrier === 'signature')?.text).toContain('Menuiserie Girard');
  });

  test('HTML comments, hidden HTML and the HTML part that says something else than text/plain', async () => {
    const b = 'b1';
    const raw = `${HEAD}\nContent-Type: multipart/alternative; boundary="${b}"\n\n--${b}\nContent-Type: text/plain; charset=utf-8\n\n`
      + `Hello, where is my parcel?\n--${b}\nContent-Type: text/html; charset=utf-8\n\n`
      + '<html><head><style><!-- p {margin:0} --></style></head><body><!--[if mso]><table><![endif]-->'
      + '<p>Hello, where is my parcel? Also please send the spare lid.</p><!-- a remark left in the markup -->'
      + '<div style="display:none">text nobody sees here</div></body></html>\n'
      + `--${b}--\n`;
    const segs = await carriersOf(raw);
    expect(segs.filter((s) => s.carrier === 'html_comment').map((s) => s.text)).toEqual(['a remark left in the markup']);
    expect(segs.find((s) => s.carrier === 'hidden_html')?.text).toBe('text nobody sees here');
    expect(segs.find((s) => s.carrier === 'html_part')?.text).toContain('spare lid');
    expect(segs.find((s) => s.carrier === 'body')?.text).not.toContain('spare lid');
  });

  test('attachment names as words, and the text of a small text attachment', async () => {
    const b = 'b2';
    const raw = `${HEAD}\nContent-Type: multipart/mixed; boundary="${b}"\n\n--${b}\nContent-Type: text/plain; charset=utf-8\n\nVoir pièce jointe.\n`
      + `--${b}\nContent-Type: image/jpeg; name="photo_du_carton.jpg"\nContent-Disposition: attachment; filename="photo_du_carton.jpg"\nContent-Transfer-Encoding: base64\n\n/9j/4AAQ\n`
      + `--${b}\nContent-Type: text/csv; charset=utf-8; name="liste.csv"\nContent-Disposition: attachment; filename="liste.csv"\n\nproduit;quantité\nbol;4\n`
      + `--${b}--\n`;
    const segs = await carriersOf(raw);
    expect(segs.filter((s) => s.carrier === 'attachment_name').map((s) => s.text)).toEqual(['photo du carton', 'liste']);
    expect(segs.find((s) => s.carrier === 'attachment')?.text).toContain('bol;4');
  });

  test('quotes are split by who wrote them; the ones attributed to the shop are quoted_shop', async () => {
    const raw = `${HEAD}\nContent-Type: text/plain; charset=utf-8\n\nMerci pour votre réponse.\n\n`
      + 'Le lun. 9 mars 2026 à 14:00, Boutique Test <hello@boutique-test.example> a écrit :\n> Bonjour Paul,\n> Votre colis part demain.\n>\n'
      + '> Le dim. 8 mars 2026 à 09:00, Paul Girard <paul.girard@example.fr> a écrit :\n>> Où en est ma commande ?\n';
    const segs = await carriersOf(raw);
    expect(segs.find((s) => s.carrier === 'quoted_shop')?.text).toContain('Votre colis part demain');
    expect(segs.find((s) => s.carrier === 'quoted_shop')?.text).not.toContain('Où en est');
    expect(segs.find((s) => s.carrier === 'quoted')?.text).toContain('Où en est ma commande');
  });
});

describe('quotedBlocks', () => {
  test('verb-less attribution lines (date, time, name and <address>, with or without a colon) start a block', () => {
    const yandex = quotedBlocks('23.11.2026, 14:05, "Boutique Test" <hello@boutique-test.example>:\nVotre colis part demain.');
    expect(yandex).toEqual([{ attribution: '23.11.2026, 14:05, "Boutique Test" <hello@boutique-test.example>:', text: 'Votre colis part demain.' }]);
    const bare = quotedBlocks('Mon, Nov 23, 2026 at 2:05 PM Boutique Test <hello@boutique-test.example>\nYour parcel left today.');
    expect(bare[0]?.attribution).toBe('Mon, Nov 23, 2026 at 2:05 PM Boutique Test <hello@boutique-test.example>');
    expect(quotedBlocks('Commande passée le 14/11/2026 à 21:14 par Lise <lise@example.fr>\nRien reçu.')[0]?.attribution).toBe('');
  });

  test("GroupWise's '>>> Name <address> date >>>' line and a '|' quote under '… écrivait le … :' are attributed", async () => {
    const gw = quotedBlocks('>>> Boutique Test <hello@boutique-test.example> 23/11/2026 14:05 >>>\nBonjour,\nRemboursement sous 24 h garanti.');
    expect(gw).toEqual([{ attribution: '>>> Boutique Test <hello@boutique-test.example> 23/11/2026 14:05 >>>', text: 'Bonjour,\nRemboursement sous 24 h garanti.' }]);
    const gwMail = await carriersOf(`${HEAD}\nContent-Type: text/plain; charset=utf-8\n\nMerci de confirmer.\n\n`
      + '>>> Boutique Test <hello@boutique-test.example> 23/11/2026 14:05 >>>\nBonjour,\nRemboursement sous 24 h garanti.\n');
    expect(gwMail.find((c) => c.carrier === 'quoted_shop')?.text).toContain('Remboursement sous 24 h');
    expect(gwMail.find((c) => c.carrier === 'body')?.text).toBe('Merci de confirmer.');
    const bar = await carriersOf(`${HEAD}\nContent-Type: text/plain; charset=utf-8\n\n`
      + 'Boutique Test écrivait le 18/11/2026 :\n| Votre remboursement est fait.\n| Sous 10 jours.\n\nJe n\'ai rien reçu.\n');
    expect(bar.find((c) => c.carrier === 'quoted_shop')?.text).toContain('Votre remboursement est fait');
    expect(bar.find((c) => c.carrier === 'body')?.text).toBe("Je n'ai rien reçu.");
  });

  test('an Outlook header block: the From line decides, not the To line', () => {
    const blocks = quotedBlocks('From: Paul Girard <paul.girard@example.fr>\nSent: Monday\nTo: hello@boutique-test.example\nSubject: order\n\nWhere is it?');
    expect(blocks).toEqual([{ attribution: 'From: Paul Girard <paul.girard@example.fr> | Sent: Monday | To: hello@boutique-test.example | Subject: order', text: 'Where is it?' }]);
  });
});

test('htmlComments leaves out conditional comments and punctuation-only ones', () => {
  expect(htmlComments('<p>x</p><!--[if gte mso 9]><xml></xml><![endif]--><!-- ===== --><!-- footer start -->')).toEqual(['footer start']);
});

test('fileNameWords', () => {
  expect(fileNameWords('Facture_2026.03+copie.pdf')).toBe('Facture 2026 03 copie');
});
