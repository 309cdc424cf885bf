import type { Clause } from '../../src/corpus/clause.js';
import type { CorpusDocument } from '../../src/corpus/document-manifest.js';

/** A small protocol in the shape the clause parser produces (real wording, shortened). */
const protocol: [id: string, parent: string | null, headings: string[], text: string][] = [
  ['6', null, ['CORRESPONDENCE'], '6 CORRESPONDENCE'],
  [
    '6.2',
    '6',
    ['CORRESPONDENCE'],
    'Requests for information received by Officers from Councillors in emails, letters and faxes must be replied to within ten working days.',
  ],
  [
    '6.4',
    '6',
    ['CORRESPONDENCE'],
    'Correspondence between an individual Councillor and an Officer should not normally be copied to any other Councillor.',
  ],
  [
    '7.5',
    null,
    ['COUNCILLORS’ ACCESS TO INFORMATION'],
    'A Councillor has a common law right to inspect documents where this is necessary to perform their duties: the need to know principle.',
  ],
  [
    '7.6',
    null,
    ['COUNCILLORS’ ACCESS TO INFORMATION'],
    'Any dispute as to the provision of information shall be referred to the Monitoring Officer, whose decision is final.',
  ],
  [
    '9.1',
    null,
    ['INSPECTION OF SITES'],
    'Councillors wishing to inspect a building or site owned by the Council should make arrangements through the relevant Director.',
  ],
  [
    '11.5',
    null,
    ['OFFICER ATTENDANCE AT POLITICAL GROUP MEETINGS'],
    'Officers may attend meetings of a political group only at the invitation of the group and to give factual information.',
  ],
  [
    '12.1',
    null,
    ['USE OF COUNCIL RESOURCES'],
    'Council stationery, equipment and facilities must not be used for party political or campaigning purposes.',
  ],
  [
    '3.2',
    null,
    ['EXPECTATIONS'],
    'Officers can expect from Councillors not to be subject to bullying or intimidation or to be put under undue pressure.',
  ],
  [
    '2.1',
    null,
    ['DISPENSATIONS'],
    'The Monitoring Officer may grant a dispensation to a member with a disclosable pecuniary interest.',
  ],
];

/** Clauses of the fixture protocol, corpus order. */
export function fixtureClauses(document = 'fixture-protocol', extra: string[] = []): Clause[] {
  const rows = [
    ...protocol,
    ...extra.map((text, index) => [`99.${index + 1}`, null, ['EXTRA'], text] as const),
  ];
  return rows.map(([id, parent, headings, text], ordinal) => ({
    document,
    id,
    key: `${document}#${ordinal}`,
    ordinal,
    parent,
    headings: [...headings],
    text,
  }));
}

/** The one fixture document (its text is the clauses joined, as a real file would hold them). */
export function fixtureDocuments(clauses: Clause[] = fixtureClauses()): CorpusDocument[] {
  return [
    {
      meta: {
        id: 'fixture-protocol',
        file: 'fixture-protocol.txt',
        title: 'Fixture Member/Officer Protocol',
        council: 'Fixture Borough Council',
        kind: 'protocol',
        status: 'adopted',
      },
      text: clauses.map((clause) => `${clause.id} ${clause.text}`).join('\n'),
    },
  ];
}
