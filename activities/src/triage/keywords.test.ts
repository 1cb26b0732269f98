import { findKeywordHits } from './keywords';
import { testPolicy } from './test-support/fixtures';

const policy = testPolicy();

describe('findKeywordHits', () => {
  it('finds keywords accent- and case-insensitively, with inflections', () => {
    expect(findKeywordHits('Je vais saisir le TRIBUNAL', policy).live).toEqual(['tribunal']);
    expect(findKeywordHits('This is fraudulent', policy).live).toEqual(['fraud']);
    expect(findKeywordHits('Des litiges en cours', policy).live).toEqual(['litige']);
  });
  it('does not match inside other words', () => {
    expect(findKeywordHits('The process is slow, processus lent', policy).live).toEqual([]);
  });
  it('defuses keywords in a defusing context or directly negated', () => {
    const r = findKeywordHits('Le procès-verbal de livraison. No dispute, just a question. Pas de litige.', policy);
    expect(r.live).toEqual([]);
    expect(r.defused.sort()).toEqual(['dispute', 'litige', 'procès']);
    expect(r.defusedText).not.toMatch(/proces|dispute|litige/);
  });
  it('defuses a keyword whose act the writer denies', () => {
    expect(findKeywordHits("Je ne porte pas plainte, je voulais juste vous prévenir du retard.", policy).live).toEqual([]);
    expect(findKeywordHits("I'm not opening a dispute, I only want the invoice.", policy).live).toEqual([]);
    expect(findKeywordHits('Not looking to start a dispute, just curious where it is.', policy).live).toEqual([]);
    expect(findKeywordHits("I'm not happy and I'll open a dispute.", policy).live).toEqual(['dispute']);
  });
  it('keeps a keyword live when another occurrence is not defused', () => {
    const r = findKeywordHits('No dispute yet, but I will open a dispute tomorrow.', policy);
    expect(r.live).toEqual(['dispute']);
  });
});
