import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Clause } from '../../src/corpus/clause.js';
import { clauseLabel, parseCorpus, parseDocument } from '../../src/corpus/clause-parser.js';
import { type CorpusDocument, loadCorpus } from '../../src/corpus/document-manifest.js';

const documents = loadCorpus(path.resolve(import.meta.dirname, '../../corpus'));
const clauses = parseCorpus(documents);

function clausesOf(document: string): Clause[] {
  return clauses.filter((clause) => clause.document === document);
}

/** The `nth` clause (from 0) of `document` printed with `id`; fails the test when there is none. */
function clause(document: string, id: string, nth = 0): Clause {
  const found = clausesOf(document).filter((candidate) => candidate.id === id)[nth];
  if (!found) throw new Error(`${document} has no clause ${id} (#${nth})`);
  return found;
}

function idsOf(document: string): string[] {
  return clausesOf(document).map((candidate) => candidate.id);
}

/** Lines a reader would not count as the document's words: the furniture the brief lists, and the contents page. */
const furnitureLines = [
  /^this page is intentionally left blank$/i,
  /^constitution: part 5c$/i,
  /^\d+$/,
  /^contents$/i,
  /^\d+\.\s.*(\.{3,}|\t)\s*\d+$/,
  /^\|[-|\s]+\|$/,
];

function words(text: string): string[] {
  return (
    text
      .replace(/<[^>]*>/g, ' ')
      .toLowerCase()
      .match(/[a-z0-9]+/g) ?? []
  );
}

/**
 * Share of the source's word tokens (furniture aside) that the clauses (ids, headings, text) still hold, counted with
 * multiplicity; `lettersOnly` leaves out numbers, since section numbers live in the structure rather than the text.
 */
function wordCoverage(document: CorpusDocument, lettersOnly = false): number {
  const source = document.text
    .split('\n')
    .filter((line) => !furnitureLines.some((pattern) => pattern.test(line.trim())))
    .flatMap(words)
    .filter((word) => !lettersOnly || /[a-z]/.test(word));
  const kept = new Map<string, number>();
  for (const parsed of clausesOf(document.meta.id)) {
    for (const word of words(`${parsed.id} ${parsed.headings.join(' ')} ${parsed.text}`)) {
      kept.set(word, (kept.get(word) ?? 0) + 1);
    }
  }
  let found = 0;
  for (const word of source) {
    const left = kept.get(word) ?? 0;
    if (left > 0) {
      found += 1;
      kept.set(word, left - 1);
    }
  }
  return found / source.length;
}

const expectedCounts: Record<string, number> = {
  part5c: 101,
  bursledon: 50,
  'district-code': 84,
  'swale-agenda': 15,
  'swale-mo-report': 45,
  'swale-protocol-report': 15,
  'swale-draft-protocol': 81,
  'haringey-draft-protocol': 85,
};

describe('every document', () => {
  for (const document of documents) {
    const id = document.meta.id;
    it(`${id}: has the pinned clause count`, () => {
      expect(clausesOf(id)).toHaveLength(expectedCounts[id] ?? -1);
    });

    it(`${id}: loses no word of the source, and at most 1% of its tokens counting numbers`, () => {
      expect(wordCoverage(document, true)).toBe(1);
      expect(wordCoverage(document)).toBeGreaterThanOrEqual(0.99);
    });

    it(`${id}: gives every clause text, a unique key, its ordinal and clean text`, () => {
      clausesOf(id).forEach((parsed, ordinal) => {
        expect(parsed.text.trim(), parsed.key).not.toBe('');
        expect(parsed.ordinal).toBe(ordinal);
        expect(parsed.key).toBe(`${id}#${ordinal}`);
        expect(parsed.text, parsed.key).not.toMatch(
          /\*\*|<\/?[a-z]+[^>]*>|\]\(#\)|\t|intentionally left blank/i,
        );
        expect(parsed.text, parsed.key).not.toMatch(/ {2}/);
      });
    });

    it(`${id}: gives every sub-item a parent clause printed earlier`, () => {
      const seen = new Set<string>();
      for (const parsed of clausesOf(id)) {
        if (parsed.id.endsWith(')')) expect(seen.has(parsed.parent ?? ''), parsed.key).toBe(true);
        seen.add(parsed.id);
      }
    });
  }

  it('parses all eight documents well under 50 ms', () => {
    parseCorpus(documents);
    const timings = [1, 2, 3, 4, 5].map(() => {
      const started = performance.now();
      parseCorpus(documents);
      return performance.now() - started;
    });
    expect(Math.min(...timings)).toBeLessThan(50);
  });

  it('keeps keys unique across the corpus', () => {
    expect(new Set(clauses.map((parsed) => parsed.key)).size).toBe(clauses.length);
  });
});

describe('part5c', () => {
  it('cites 6.2 under its section title, without the number', () => {
    const requests = clause('part5c', '6.2');
    expect(requests.parent).toBe('6');
    expect(requests.headings).toEqual(['REQUESTS FOR INFORMATION']);
    expect(requests.text).toContain('within two working days');
  });

  it('joins 2.2 across the page break', () => {
    const roles = clause('part5c', '2.2');
    expect(roles.text).toContain('indispensable');
    expect(roles.text).toContain('give advice to Councillors and to the Council and to carry out');
    expect(roles.text).toContain('under the direction and control');
    expect(idsOf('part5c').filter((id) => id === '2.2')).toHaveLength(1);
  });

  it('joins 7.5, 8.1, 10.4 and 14.1 across their page breaks', () => {
    expect(clause('part5c', '7.5').text).toContain('inspect Borough Council documents so far as');
    expect(clause('part5c', '8.1').text).toContain('in connection with the proper performance');
    expect(clause('part5c', '10.4').text).toContain('It is essential therefore that representations');
    expect(clause('part5c', '14.1').text).toContain('resolve matters informally, through conciliation');
  });

  it('nests subheadings under the section title', () => {
    expect(clause('part5c', '7.4').headings).toEqual([
      'ACCESS TO PAPERS AND OTHER BOROUGH COUNCIL INFORMATION',
      'STATUTORY RIGHTS',
    ]);
    expect(clause('part5c', '7.6').headings).toEqual([
      'ACCESS TO PAPERS AND OTHER BOROUGH COUNCIL INFORMATION',
      'COMMON LAW',
    ]);
    expect(clause('part5c', '2.4').headings).toEqual(['ROLES OF COUNCILLORS AND OFFICERS', 'COUNCILLORS']);
    expect(clause('part5c', '13.5').headings).toEqual([
      'OVERVIEW AND SCRUTINY',
      'UNACCEPTABLE OR INAPPROPRIATE BEHAVIOUR',
    ]);
    expect(clause('part5c', '14.2').headings).toEqual(['WHEN THINGS GO WRONG', 'PROCEDURE FOR COUNCILLORS']);
  });

  it('keeps dotted sub-clauses as their own clauses with the lead-in, and lists them in the parent', () => {
    const neutral = clause('part5c', '3.1.5');
    expect(neutral.parent).toBe('3.1');
    expect(neutral.headings).toEqual(['EXPECTATIONS']);
    expect(neutral.text).toBe(
      'Councillors can expect from Officers: Professional advice, not influenced by political views or political preference, which does not compromise the political neutrality of Officers;',
    );
    const expectations = clause('part5c', '3.1');
    expect(expectations.text).toContain('3.1.4 Timely responses to enquiries and complaints;');
    expect(expectations.text).toContain('3.1.15 Due regard for compliance with Health & Safety duties.');
    expect(clause('part5c', '2.4.1').parent).toBe('2.4');
    expect(clause('part5c', '13.1.3').text).toContain(
      'contrary to the Council\u2019s policy framework'.replace('\u2019', "'"),
    );
  });

  it('strips the running header and the <u> markup', () => {
    expect(clausesOf('part5c').some((parsed) => parsed.text.includes('Constitution: Part 5C'))).toBe(false);
    expect(clause('part5c', '11.8').text).toMatch(/^Special care needs to be exercised/);
    expect(clause('part5c', '4.1.1').text).toContain('Close personal relationships');
  });

  it('keeps the title block as the Cover clause', () => {
    const cover = clause('part5c', 'Cover');
    expect(cover.ordinal).toBe(0);
    expect(cover.parent).toBeNull();
    expect(cover.text).toContain('Owner: Angela Wakefield');
    expect(cover.text).toContain('Review due: May 2020');
    expect(cover.text).toContain('Adopted by Full Council on 17th May 2019');
    expect(clause('part5c', '1.1').headings).toEqual(['INTRODUCTION']);
  });
});

describe('bursledon', () => {
  it('gives lettered items their own clauses and keeps them in the parent', () => {
    const item = clause('bursledon', '2.2(b)');
    expect(item.parent).toBe('2.2');
    expect(item.text).toContain('b) Representing the authority externally');
    const parent = clause('bursledon', '2.2');
    expect(parent.text).toContain('a) Determining the policy of the authority');
    expect(parent.text).toContain('It is not the role of the Councillors');
    expect(parent.text).not.toContain('**');
  });

  it('keeps unnumbered paragraphs with the clause above them', () => {
    const roles = clause('bursledon', '2.1');
    expect(roles.text).toContain('servants of the public and they are indispensable');
    expect(roles.text).toContain('Mutual respect between Councillors and officers');
    const chairmen = clause('bursledon', '2.3');
    expect(chairmen.headings).toEqual(['ROLES OF COUNCILLORS AND OFFICERS', 'Chairman and Vice Chairmen']);
    expect(chairmen.text).toContain('must still respect the impartiality of officer');
  });

  it('reads i) after h) as a letter', () => {
    expect(clause('bursledon', '3.1(i)').text).toContain('Training and development');
    expect(idsOf('bursledon')).not.toContain('3.1(h)(i)');
  });

  it('joins the line that continues 3.2(f)', () => {
    expect(clause('bursledon', '3.2(f)').text).toContain('Junior staff should not be asked');
  });

  it('files the Reports and Officer Attendance lists under 4.1, twice, with their headings', () => {
    const reports = clause('bursledon', '4.1(a)', 0);
    const attendance = clause('bursledon', '4.1(a)', 1);
    expect(reports.parent).toBe('4.1');
    expect(reports.headings).toEqual(['POLITICAL GROUPS', 'Reports']);
    expect(reports.text).toContain('prepare written reports');
    expect(attendance.headings).toEqual(['POLITICAL GROUPS', 'Officer Attendance']);
    expect(attendance.text).toContain('attend a meeting of the group');
    expect(clause('bursledon', '4.1').headings).toEqual(['POLITICAL GROUPS']);
    expect(clause('bursledon', '4.1').text).toContain('Officer Attendance\na) Any political group');
    expect(clause('bursledon', '4.1(e)').text).toContain('respect the confidentiality');
  });

  it('keeps the control block as the Cover clause', () => {
    const cover = clause('bursledon', 'Cover');
    expect(cover.text).toContain('Next Review date — March 2018');
    expect(cover.text).toContain('Approved & Ratified by: Full Council – 27 April 2016');
  });

  it('keeps the last line of the source: the body of 5.2', () => {
    const procedure = clause('bursledon', '5.2');
    expect(procedure.text).toMatch(
      /^Procedure for Councillor\nIn the event that a Councillor is dissatisfied/,
    );
    expect(procedure.text).toMatch(/take advice from the Monitoring Officer\.$/);
  });
});

describe('district-code', () => {
  it('keeps the last line of the source: the closing paragraph, cited by the nearest number', () => {
    const last = idsOf('district-code').at(-1);
    expect(last).toBe('16.8');
    expect(clause('district-code', '16.8').text).toMatch(
      /please contact either your Service Manager or the Monitoring Officer\.$/,
    );
  });

  it('reads `a.` items under 1.1 with the lead-in', () => {
    const guidance = clause('district-code', '1.1(a)');
    expect(guidance.parent).toBe('1.1');
    expect(guidance.headings).toEqual(['INTRODUCTION']);
    expect(guidance.text).toBe(
      'In particular it: a. offers guidance on some of the issues that most commonly arise.',
    );
  });

  it('reads i. after h. in 8.2 as the letter i', () => {
    const parties = clause('district-code', '8.2(i)');
    expect(parties.parent).toBe('8.2');
    expect(parties.text).toContain('officers will not attend party group meetings that include persons');
    expect(parties.text).toMatch(/^However, the following rules must be followed: i\. Unless/);
    expect(clause('district-code', '8.2').text).toContain("h. Officers' advice to a party group");
    expect(clause('district-code', '8.2(a)').text).toContain('maintain political neutrality');
  });

  it('ends 11.6(c) with the sentence that closes the list', () => {
    const keyDecision = clause('district-code', '11.6(c)');
    expect(keyDecision.text).toContain('a key decision made by an officer if the information is relevant');
    expect(clause('district-code', '11.6').text).toContain('b. a Portfolio Holder decision; or');
  });

  it('joins 2.3, 6.2 and 11.3 across their page breaks', () => {
    expect(clause('district-code', '2.3').text).toContain(
      'neither party should seek to take unfair advantage',
    );
    expect(clause('district-code', '6.2').text).toContain(
      'The councillor should disclose any such relationship',
    );
    expect(clause('district-code', '11.3').text).toContain('the member will only be entitled');
  });

  it('treats numbered headings as clauses and as headings for what follows', () => {
    expect(clause('district-code', '11.1').text).toBe(
      "Members' Rights of Access to Information and to Council Documents",
    );
    expect(clause('district-code', '11.7').headings).toEqual([
      'OTHER LEGISLATIVE PROVISIONS CONCERNING MEMBER/OFFICER RELATIONS',
      "Members' Rights of Access to Information and to Council Documents",
    ]);
    expect(clause('district-code', '13.2').headings).toEqual([
      'OTHER LOCAL CONVENTIONS GOVERNING MEMBER/OFFICER RELATIONS',
      'Correspondence',
    ]);
    expect(clause('district-code', '16.1').headings).toEqual(['Communication with Councillors (Members)']);
  });
});

describe('haringey-draft-protocol', () => {
  it('reads (i)…(iv) in 4.19 as roman numerals', () => {
    const scrutiny = clause('haringey-draft-protocol', '4.19(iii)');
    expect(scrutiny.parent).toBe('4.19');
    expect(scrutiny.headings).toEqual([
      'Provision of information',
      "Members' Access to Reports and background papers",
    ]);
    expect(scrutiny.text).toContain('Members of the Overview and Scrutiny Committee will have a prima facie');
    expect(idsOf('haringey-draft-protocol')).toEqual(
      expect.arrayContaining(['4.18(i)', '4.18(iv)', '4.19(i)', '4.19(iv)', '4.23(ii)']),
    );
  });

  it('reads (i) after (h) in 3.2 as a letter', () => {
    expect(clause('haringey-draft-protocol', '3.2(i)').text).toContain('Support for the role of members');
  });

  it('cites 3.3(b) with its text and lead-in', () => {
    const bullying = clause('haringey-draft-protocol', '3.3(b)');
    expect(bullying.parent).toBe('3.3');
    expect(bullying.text).toMatch(/^Officers can expect from members: \(b\) Not to be subject to bullying/);
  });

  it('joins 4.6 around the footnote and moves the footnote to the clause citing it', () => {
    const enquiries = clause('haringey-draft-protocol', '4.6');
    expect(enquiries.headings).toEqual(['Provision of information', "Members' Enquiries"]);
    expect(enquiries.text).toContain("about the Department's functions as he or she may reasonably need");
    expect(enquiries.text).not.toContain('The term');
    expect(clause('haringey-draft-protocol', '4.3').text).toContain("² The term 'Director' has the meaning");
    expect(clause('haringey-draft-protocol', '1.2').text).toContain('¹ This would include the Members');
  });

  it('drops the contents page and keeps plain bullets and trailing paragraphs in their clause', () => {
    expect(clause('haringey-draft-protocol', 'Cover').text).toBe(
      'Draft Protocol on Member-Officer Relations',
    );
    expect(clause('haringey-draft-protocol', '2.1').text).toContain(
      '- Both members and officers are servants',
    );
    expect(clause('haringey-draft-protocol', '4.24').text).toContain('More information can be found');
    expect(clause('haringey-draft-protocol', '4.25').text).toContain('and interpret the relevant rules');
    expect(clause('haringey-draft-protocol', '4.5').text).toContain('The Role of Elected Members in Major');
  });

  it('keeps the last line of the source: 5.3', () => {
    const dissatisfied = clause('haringey-draft-protocol', '5.3');
    expect(dissatisfied.text).toMatch(/^In the event that a member is dissatisfied with the conduct/);
    expect(dissatisfied.text).toMatch(/discuss this with their group whip\.$/);
  });
});

describe('swale-draft-protocol', () => {
  it('keeps the last line of the source: 11.4', () => {
    expect(clause('swale-draft-protocol', '11.4').text).toBe(
      'Further advice or clarification can be sought from the Monitoring Officer or the Head of Legal Partnership.',
    );
  });

  it('keeps both clauses printed as 2.1, and 2.0, in order', () => {
    const ids = idsOf('swale-draft-protocol');
    expect(ids.slice(1, 8)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '2.1']);
    expect(ids.slice(7, 13)).toEqual(['2.1', '2.0', '2.1', '2.2', '2.3', '2.6']);
    const first = clause('swale-draft-protocol', '2.1', 0);
    const second = clause('swale-draft-protocol', '2.1', 1);
    expect(first.text).toContain('day-to-day interaction between members and officers');
    expect(second.text).toContain('accountable to the electorate');
    expect(first.text).not.toBe(second.text);
    expect(clause('swale-draft-protocol', '2.0').text).toContain('democratic mandate');
    expect(clause('swale-draft-protocol', '2.0').parent).toBe('2');
  });

  it('reads 1.0, 5.0 … 9.0 as section headings', () => {
    expect(idsOf('swale-draft-protocol')).not.toContain('1.0');
    expect(idsOf('swale-draft-protocol')).not.toContain('5.0');
    expect(clause('swale-draft-protocol', '1.1').headings).toEqual(['Introduction']);
    expect(clause('swale-draft-protocol', '8.2').headings).toEqual([
      'Friendships/relationships between members and officers',
    ]);
    expect(clause('swale-draft-protocol', '3.7').headings).toEqual([
      'Officer Impartiality and Undue Pressure',
    ]);
  });

  it('keeps the service standard and the bullying examples', () => {
    const service = clause('swale-draft-protocol', '4.1');
    expect(service.headings).toEqual(['Service Standards']);
    expect(service.text).toContain('10 working days');
    const bullying = clause('swale-draft-protocol', '10.4');
    expect(bullying.text).toContain('happen face-to-face on social media, in emails');
    expect(bullying.text).toContain('- smear campaigns.');
    expect(clause('swale-draft-protocol', '10.6').text).toContain('- stalking');
    expect(clause('swale-draft-protocol', '2.11').text).toContain('- not to be subjected to bullying.');
  });

  it('strips link and emphasis markup', () => {
    expect(clause('swale-draft-protocol', '3.2').text).toContain("(see para' 17 Officer Code of Conduct)");
    expect(clause('swale-draft-protocol', '3.7').text).toMatch(
      /^The LGA Members Code of Conduct states, paragraph 3, “Officers/,
    );
  });

  it('files the roles table under its own title', () => {
    const table = clause('swale-draft-protocol', 'Communication and Consultation');
    expect(table.headings).toEqual([
      'The Role of Members and Officers and Effective Relations',
      'Communication and Consultation',
    ]);
    expect(table.text).toContain('Political (Members) — Collaboration (Together) — Operational (Officers)');
    expect(table.text).toContain('Work together on a realistic and deliverable budget');
  });
});

describe('swale-mo-report', () => {
  it('keeps the functions table inside 2.1', () => {
    const role = clause('swale-mo-report', '2.1');
    expect(role.headings).toEqual(['The role of the monitoring officer']);
    expect(role.text).toContain(
      'Issue dispensations to members regarding disclosable pecuniary interests. — Localism Act 2011',
    );
  });

  it('keeps the meetings table inside 9.2 and the bullets inside 9.1', () => {
    expect(clause('swale-mo-report', '9.2').text).toContain('Planning Committee — 16');
    expect(clause('swale-mo-report', '9.2').text).toContain('Total — 106');
    expect(clause('swale-mo-report', '9.1').text).toContain(
      '- Ensuring that agendas are compliant with regulations on access to information, and that exempt',
    );
  });

  it('puts the cover table in Cover and the recommendation on its own', () => {
    expect(clause('swale-mo-report', 'Cover').text).toContain(
      'Report Title — Annual Monitoring Officer Report',
    );
    expect(clause('swale-mo-report', 'Recommendations').text).toBe('The report is for information only.');
    expect(clause('swale-mo-report', '5.6').headings).toEqual([
      "Ethical standards and the members' code of conduct",
      'Code of conduct cases 3 January 2023 and 30 November 2023',
    ]);
    expect(clause('swale-mo-report', '14.1').headings).toEqual(['Background papers']);
  });
});

describe('swale-agenda', () => {
  it('cites the unnumbered text of agenda item 4 as 4', () => {
    const interests = clause('swale-agenda', '4');
    expect(interests.parent).toBeNull();
    expect(interests.headings).toEqual(['Declarations of Interest']);
    expect(interests.text).toContain('disclosable pecuniary interests');
    expect(interests.text).toContain('should contact the monitoring officer');
  });

  it('gives item 1 its lettered sub-items, joined across the page break', () => {
    const alarm = clause('swale-agenda', '1(a)');
    expect(alarm.parent).toBe('1');
    expect(alarm.text).toContain('In the event that a fire drill is planned');
    expect(clause('swale-agenda', '1').text).toContain('(d) Anyone unable to use the stairs');
  });

  it('keeps title-only items, with the page range out of the heading', () => {
    expect(idsOf('swale-agenda')).toEqual(expect.arrayContaining(['2', '3', '5', '6', '7']));
    expect(clause('swale-agenda', '5').text).toBe('Monitoring Officer Annual Report 5 - 14');
    expect(clause('swale-agenda', '5').headings).toEqual(['Monitoring Officer Annual Report']);
    expect(clause('swale-agenda', '3').text).toContain('(Minute Nos. 624 - 628)');
  });

  it('cites the notices before item 1 by their headings', () => {
    expect(clause('swale-agenda', 'Recording and Privacy Notice').text).toContain(
      'This meeting may be recorded',
    );
    expect(clause('swale-agenda', 'Cover').text).toContain('Quorum = 3');
    expect(clausesOf('swale-agenda').at(-1)?.text).toContain('alternative formats');
  });
});

describe('swale-protocol-report', () => {
  it('keeps the recommendations', () => {
    const recommendations = clause('swale-protocol-report', 'Recommendations');
    expect(recommendations.headings).toEqual(['Recommendations']);
    expect(recommendations.text).toContain('The standards committee is recommended to: 1. Consider whether');
    expect(recommendations.text).toContain(
      '3. Recommend the final Member/Officer Protocol to Council for adoption.',
    );
  });

  it('cites the implications table by its section number', () => {
    const implications = clause('swale-protocol-report', '6');
    expect(implications.headings).toEqual(['Implications']);
    expect(implications.text).toContain('Legal, Statutory and Procurement — There is no legal obligation');
  });

  it('strips bold markup and keeps the appendix bullet', () => {
    expect(clause('swale-protocol-report', '3.3').text).toContain('asked to: Consider whether');
    expect(clause('swale-protocol-report', '7.1').text).toContain('- Appendix I: First Draft');
    expect(clause('swale-protocol-report', 'Cover').text).not.toContain('intentionally');
  });
});

describe('clauseLabel', () => {
  it('cites numbers with § and unnumbered text by its heading', () => {
    expect(clauseLabel(clause('part5c', '6.2'))).toBe('§6.2');
    expect(clauseLabel(clause('haringey-draft-protocol', '4.19(iii)'))).toBe('§4.19(iii)');
    expect(clauseLabel(clause('swale-agenda', 'Recording and Privacy Notice'))).toBe(
      'Recording and Privacy Notice',
    );
    expect(clauseLabel(clause('part5c', 'Cover'))).toBe('the cover page');
  });
});

describe('parseDocument on small inputs', () => {
  const parse = (text: string) =>
    parseDocument({
      meta: {
        id: 'sample',
        file: 'sample.txt',
        title: 'Sample',
        council: 'Test',
        kind: 'protocol',
        status: 'draft',
      },
      text,
    });
  const byId = (parsed: Clause[], id: string) => parsed.find((candidate) => candidate.id === id);

  it('joins a paragraph broken by a page, and drops the furniture between', () => {
    const parsed = parse(
      '1 RULES\n\n- 1.1 Officers must reply to\n\n\n\nConstitution: Part 5C\n\n12\n\nthe councillor within two days.\n- 1.2 Next.',
    );
    expect(parsed.map((item) => item.id)).toEqual(['1.1', '1.2']);
    expect(byId(parsed, '1.1')?.text).toBe('Officers must reply to the councillor within two days.');
  });

  it('reads `a.`, `a)` and `(a)` as the same kind of item', () => {
    const parsed = parse(
      '2.1 First:\n- a. one\n- b. two\n\n2.2 Second:\n- a) one\n\n2.3 Third:\n- (a) one\n- (b) two',
    );
    expect(parsed.map((item) => item.id)).toEqual([
      '2.1',
      '2.1(a)',
      '2.1(b)',
      '2.2',
      '2.2(a)',
      '2.3',
      '2.3(a)',
      '2.3(b)',
    ]);
    expect(byId(parsed, '2.3(b)')?.text).toBe('Third: (b) two');
    expect(byId(parsed, '2.1')?.text).toBe('First:\na. one\nb. two');
  });

  it('decides i by context: a letter after h, a numeral to start a list, nested under a letter', () => {
    const letters = 'abcdefgh'
      .split('')
      .map((letter) => `(${letter}) item ${letter}`)
      .join('\n');
    const afterH = parse(`3.1 List:\n${letters}\n(i) item i`);
    expect(afterH.at(-1)?.id).toBe('3.1(i)');
    const roman = parse('3.2 List:\n(i) one\n(ii) two\n(iii) three\n(iv) four\n(v) five');
    expect(roman.map((item) => item.id).slice(1)).toEqual([
      '3.2(i)',
      '3.2(ii)',
      '3.2(iii)',
      '3.2(iv)',
      '3.2(v)',
    ]);
    const nested = parse('3.3 List:\n(a) first:\n(i) one\n(ii) two\n(b) second');
    expect(nested.map((item) => item.id)).toEqual(['3.3', '3.3(a)', '3.3(a)(i)', '3.3(a)(ii)', '3.3(b)']);
    expect(byId(nested, '3.3(a)(ii)')?.parent).toBe('3.3(a)');
  });

  it('closes a list at a paragraph after a blank line, and keeps it in the parent', () => {
    const parsed = parse('4.1 Rules\n- a) one\n- b) two\n\nA closing sentence.');
    expect(byId(parsed, '4.1(b)')?.text).toBe('Rules b) two');
    expect(byId(parsed, '4.1')?.text).toBe('Rules\na) one\nb) two\nA closing sentence.');
  });

  it('renders pipe and tab tables as readable lines', () => {
    const parsed = parse(
      '| Title: | Protocol |\n|---|---|\n| Owner: | Clerk |\n\n1 TABLES\n\n1.1 Functions:\n\nDuty\tSource\nAdvise\tAct 1989',
    );
    expect(byId(parsed, 'Cover')?.text).toBe('Title: Protocol\nOwner: Clerk');
    expect(byId(parsed, '1.1')?.text).toBe('Functions:\nDuty — Source\nAdvise — Act 1989');
  });

  it('strips markup but keeps its words', () => {
    const parsed = parse('1.1 **Bold** and <u>under</u> and [a link](#) and *it*.');
    expect(parsed[0]?.text).toBe('Bold and under and a link and it.');
  });

  it('rejects a document with nothing to cite', () => {
    expect(() => parse('\n\nThis page is intentionally left blank\n')).toThrow(/no clauses/);
  });
});
