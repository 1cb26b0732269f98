import { parseColor, splitHtmlVisibility } from './html-visibility';

describe('splitHtmlVisibility', () => {
  it('hides display:none, visibility:hidden, the hidden attribute and class rules', () => {
    const r = splitHtmlVisibility(
      '<style>.x { display: none }</style><p>shown</p><div style="display:none">a</div><div style="visibility:hidden">b</div><div hidden>c</div><p class="x">d</p>',
    );
    expect(r.visibleText.trim()).toBe('shown');
    expect(r.hiddenText.split('\n')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('judges font size where the text is: a font-size:0 layout cell may hold readable spans', () => {
    const r = splitHtmlVisibility('<td style="font-size:0"><span style="font-size:14px">readable</span>gap</td><span style="font-size:1px">tiny</span>');
    expect(r.visibleText).toContain('readable');
    expect(r.hiddenText.split('\n')).toEqual(['gap', 'tiny']);
  });

  it('hides text coloured like its background, and keeps white text on a dark background', () => {
    const r = splitHtmlVisibility(
      '<p style="color:white">ghost</p><div style="background-color:#111"><p style="color:#fff">light on dark</p><p style="color:#121212">dark on dark</p></div>',
    );
    expect(r.visibleText).toContain('light on dark');
    expect(r.hiddenText.split('\n')).toEqual(['ghost', 'dark on dark']);
  });

  it('hides zero-size and off-screen boxes', () => {
    const r = splitHtmlVisibility(
      '<p>ok</p><div style="width:0;height:0;overflow:hidden">box</div><div style="position:absolute;left:-9999px">away</div><div style="opacity:0">clear</div>',
    );
    expect(r.visibleText.trim()).toBe('ok');
    expect(r.hiddenText.split('\n')).toEqual(['box', 'away', 'clear']);
  });

  it('parses the usual colour notations', () => {
    expect(parseColor('#FFF')).toEqual([255, 255, 255]);
    expect(parseColor('#00ff0080')).toEqual([0, 255, 0]);
    expect(parseColor('rgb(1, 2, 3)')).toEqual([1, 2, 3]);
    expect(parseColor('White')).toEqual([255, 255, 255]);
    expect(parseColor('inherit')).toBeNull();
  });

  it('renders each row of a layout table as a line, its cells apart, not glued together', () => {
    const r = splitHtmlVisibility('<table><tr><td>Newsletter n°3</td></tr><tr><td>New mugs in stock.</td></tr><tr><th>Price:</th><td>12 EUR</td></tr></table>');
    expect(r.visibleText.split('\n').map((l) => l.trim()).filter(Boolean)).toEqual(['Newsletter n°3', 'New mugs in stock.', 'Price: 12 EUR']);
  });

  it('renders paragraphs without vertical margin (Word/Outlook MsoNormal, margin:0) as lines, their &nbsp; paragraphs as blank lines', () => {
    const outlook = splitHtmlVisibility(
      '<p class="MsoNormal">Merci,</p><p class="MsoNormal">Jeanne Dupont</p><p class="MsoNormal">Acheteuse</p><p class="MsoNormal">&nbsp;</p><p class="MsoNormal">Suite</p>',
    );
    expect(outlook.visibleText.replace(/\u00a0/g, ' ').split('\n').map((l) => l.trim())).toEqual(['Merci,', 'Jeanne Dupont', 'Acheteuse', '', 'Suite']);
    const inline = splitHtmlVisibility('<p style="margin:0">one</p><p style="margin: 0px 0 0 0">two</p><p>three</p><p>four</p>');
    expect(inline.visibleText).toBe('one\ntwo\n\nthree\n\nfour');
  });

  it('renders bullets as "- " and numbered items as "1."', () => {
    const r = splitHtmlVisibility('<p>Two things:</p><ul><li>the lid is chipped</li><li>the trivet is missing</li></ul><ol><li>first</li><li>second</li></ol>');
    expect(r.visibleText.split('\n').map((l) => l.trim()).filter(Boolean)).toEqual(['Two things:', '- the lid is chipped', '- the trivet is missing', '1. first', '2. second']);
  });

  it('renders the single padded cell of a layout row as a paragraph, a row of several cells as one line', () => {
    const r = splitHtmlVisibility(
      '<table><tr><td style="padding:10px 20px">Your parcel is on its way.</td></tr><tr><td style="padding:10px 20px">Track it online.</td></tr><tr><td style="padding:10px">Ref</td><td style="padding:10px">42</td></tr><tr><td>tight</td></tr></table>',
    );
    expect(r.visibleText.split('\n').map((l) => l.trim())).toEqual(['Your parcel is on its way.', '', 'Track it online.', '', 'Ref 42', 'tight']);
  });
});
