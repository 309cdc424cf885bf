/**
 * Realistic questions with the clauses a good answer cites, for the retrieval check (test/search) and the bench.
 * Written from reading the documents, not from the rankings; a hit is any listed (document, clause), matched by
 * the eval rules (same clause, sub-item or parent).
 */
export interface RetrievalQuestion {
  question: string;
  expected: [document: string, clause: string][];
}

/** The retrieval check set (25 questions). */
export const retrievalQuestions: RetrievalQuestion[] = [
  {
    question: "How quickly must an officer reply to a councillor's email?",
    expected: [['part5c', '6.2']],
  },
  {
    question: 'Can officers attend a Labour group meeting?',
    expected: [
      ['part5c', '11.5'],
      ['part5c', '11.6'],
      ['district-code', '8.2'],
      ['haringey-draft-protocol', '4.13'],
      ['haringey-draft-protocol', '4.14'],
      ['swale-draft-protocol', '7.2'],
    ],
  },
  {
    question: 'What is the need to know principle?',
    expected: [
      ['part5c', '7.5'],
      ['district-code', '11.7'],
      ['haringey-draft-protocol', '4.19'],
    ],
  },
  { question: 'Who decides disputes about need to know?', expected: [['part5c', '7.6']] },
  {
    question: 'Can I use council stationery for campaigning?',
    expected: [
      ['part5c', '12.1'],
      ['district-code', '9.1'],
    ],
  },
  { question: 'What counts as bullying?', expected: [['swale-draft-protocol', '10.4']] },
  { question: '10 working days', expected: [['swale-draft-protocol', '4.1']] },
  { question: 'Can a councillor inspect a building site?', expected: [['part5c', '9.1']] },
  {
    question: 'Close personal relationship with an officer',
    expected: [
      ['district-code', '6.2'],
      ['swale-draft-protocol', '8.3'],
    ],
  },
  { question: 'Who issues dispensations?', expected: [['swale-mo-report', '2.1']] },
  {
    question: "Should a councillor raise concerns about an officer's performance at a public meeting?",
    expected: [
      ['district-code', '3.1'],
      ['swale-draft-protocol', '10.10'],
      ['swale-draft-protocol', '10.11'],
      ['part5c', '14.2'],
    ],
  },
  {
    question: 'What should a member do if they are unhappy with how an officer treated them?',
    expected: [
      ['district-code', '3.2'],
      ['swale-draft-protocol', '10.10'],
      ['part5c', '14.2'],
    ],
  },
  { question: 'Are press releases sent to all councillors?', expected: [['part5c', '5.3']] },
  {
    question: 'How many independent persons advise on standards complaints?',
    expected: [['swale-mo-report', '5.13']],
  },
  { question: 'What is the whistleblowing policy for?', expected: [['swale-mo-report', '8.1']] },
  {
    question: 'Must I say that I am related to a candidate for a job at the council?',
    expected: [['district-code', '5.1']],
  },
  {
    question: 'Can a councillor pressure an officer to change the recommendation in their report?',
    expected: [
      ['part5c', '2.9'],
      ['swale-draft-protocol', '3.8'],
    ],
  },
  {
    question: 'May councillors make political statements while officers are present at a group meeting?',
    expected: [['part5c', '11.11']],
  },
  {
    question: 'Should ward members be told about a consultation in their ward?',
    expected: [
      ['district-code', '14.1'],
      ['haringey-draft-protocol', '4.4'],
    ],
  },
  {
    question: 'Is misusing confidential information a disciplinary offence for staff?',
    expected: [['swale-draft-protocol', '5.2']],
  },
  {
    question: 'Can a member ask staff to help with partisan work?',
    expected: [
      ['swale-draft-protocol', '9.2'],
      ['part5c', '12.1'],
    ],
  },
  {
    question: 'Should official letters go out in the name of an officer or a councillor?',
    expected: [['district-code', '13.4']],
  },
  {
    question: 'Should an officer copy a cllr correspondence about a constituent to other members?',
    expected: [['district-code', '13.2']],
  },
  {
    question: 'How many code of conduct complaints were there last year?',
    expected: [
      ['swale-mo-report', '5.6'],
      ['swale-mo-report', '1.5'],
    ],
  },
  {
    question: 'How fast should phone calls from councillors be returned?',
    expected: [['part5c', '6.4']],
  },
];
