/**
 * UK local-government vocabulary: each group lists phrases a councillor or officer may use for the same thing.
 * Data only; `synonym-expansion.ts` is the engine. Phrases are written as people type them; they are analysed
 * with the same tokenizer as the corpus, so plurals and spelling variants need not be listed.
 */
export interface SynonymGroup {
  /** Stable id (also the embedder's concept feature). */
  id: string;
  /** Interchangeable phrases. */
  phrases: readonly string[];
}

/** The lexicon. Keep groups tight: a loose group (e.g. "meeting" ~ "group") drags unrelated clauses in. */
export const synonymLexicon: readonly SynonymGroup[] = [
  {
    id: 'councillor',
    phrases: ['councillor', 'member', 'cllr', 'elected member', 'elected representative', 'ward member'],
  },
  {
    id: 'officer',
    phrases: ['officer', 'employee', 'staff', 'staff member', 'council officer', 'employees'],
  },
  { id: 'monitoring-officer', phrases: ['monitoring officer', 'MO', 'deputy monitoring officer'] },
  { id: 'dpi', phrases: ['DPI', 'disclosable pecuniary interest', 'pecuniary interest'] },
  {
    id: 'interest',
    phrases: ['interest', 'declaration of interest', 'register of interests', 'conflict of interest'],
  },
  {
    id: 'chief-finance-officer',
    phrases: [
      's151',
      'section 151',
      's 151',
      'chief finance officer',
      'CFO',
      'finance director',
      'section 151 officer',
    ],
  },
  {
    id: 'head-of-paid-service',
    phrases: ['head of paid service', 'chief executive', 'CEO', 'managing director', 'chief exec'],
  },
  {
    id: 'portfolio-holder',
    phrases: ['portfolio holder', 'cabinet member', 'executive member', 'lead member'],
  },
  { id: 'cabinet', phrases: ['cabinet', 'executive'] },
  {
    id: 'pre-election',
    phrases: ['purdah', 'pre-election period', 'pre election', 'election period', 'heightened sensitivity'],
  },
  {
    id: 'political-group',
    phrases: [
      'political group',
      'party group',
      'group meeting',
      'party meeting',
      'party political group',
      'caucus',
    ],
  },
  {
    id: 'political-party',
    phrases: [
      'political party',
      'party',
      'Labour',
      'Conservative',
      'Tory',
      'Tories',
      'Liberal Democrat',
      'Lib Dem',
      'Green Party',
      'opposition',
    ],
  },
  {
    id: 'need-to-know',
    phrases: ['need to know', 'right to information', 'access to information', 'right to see documents'],
  },
  {
    id: 'exempt-information',
    phrases: [
      'exempt information',
      'Schedule 12A',
      'confidential information',
      'restricted information',
      'exempt report',
    ],
  },
  {
    id: 'whistleblowing',
    phrases: ['whistleblowing', 'whistle blowing', 'protected disclosure', 'whistleblower'],
  },
  {
    id: 'bullying',
    phrases: ['bullying', 'harassment', 'intimidation', 'bully', 'harass', 'intimidate', 'abuse'],
  },
  { id: 'pressure', phrases: ['pressure', 'undue pressure', 'lean on', 'coerce', 'improper influence'] },
  {
    id: 'correspondence',
    phrases: ['email', 'e-mail', 'letter', 'correspondence', 'message', 'enquiry', 'query'],
  },
  {
    id: 'reply',
    phrases: [
      'reply',
      'respond',
      'response',
      'answer',
      'acknowledge',
      'acknowledgement',
      'get back to',
      'come back to',
    ],
  },
  {
    id: 'telephone',
    phrases: ['telephone call', 'phone call', 'phone', 'phoned', 'rang', 'ring', 'telephone'],
  },
  {
    id: 'timescale',
    phrases: [
      'how quickly',
      'how fast',
      'how long',
      'how soon',
      'deadline',
      'timescale',
      'time limit',
      'turnaround',
    ],
  },
  { id: 'working-days', phrases: ['working days', 'business days', 'clear working days'] },
  { id: 'hospitality', phrases: ['hospitality', 'gifts', 'gift', 'free meal', 'tickets', 'benefit in kind'] },
  {
    id: 'standards-committee',
    phrases: ['standards committee', 'audit and standards committee', 'standards panel'],
  },
  { id: 'independent-person', phrases: ['independent person', 'independent member'] },
  { id: 'code-of-conduct', phrases: ['code of conduct', 'members code', 'conduct code'] },
  { id: 'complaint', phrases: ['complaint', 'complain', 'grievance', 'allegation', 'breach', 'concern'] },
  {
    id: 'dispensation',
    phrases: ['dispensation', 'exemption from interest rules', 'permission to participate'],
  },
  {
    id: 'confidentiality',
    phrases: ['confidential', 'confidentiality', 'private', 'secret', 'leak', 'disclose', 'disclosure'],
  },
  {
    id: 'relationship',
    phrases: [
      'close personal relationship',
      'personal relationship',
      'family member',
      'relative',
      'partner',
      'friend',
      'friendship',
    ],
  },
  {
    id: 'campaigning',
    phrases: [
      'campaigning',
      'electioneering',
      'canvassing',
      'canvass',
      'party political purposes',
      'campaign',
      'leaflet',
      'leafleting',
    ],
  },
  {
    id: 'council-resources',
    phrases: [
      'council resources',
      'stationery',
      'letterhead',
      'council facilities',
      'photocopier',
      'photocopying',
      'printing',
      'council equipment',
      'council offices',
      'accommodation',
      'committee room',
      'meeting room',
    ],
  },
  {
    id: 'publicity',
    phrases: [
      'publicity',
      'publicise',
      'press release',
      'media',
      'press',
      'newsletter',
      'social media',
      'communications',
    ],
  },
  {
    id: 'site-visit',
    phrases: ['site visit', 'inspect', 'inspection', 'visit a site', 'building site', 'council premises'],
  },
  { id: 'ward', phrases: ['ward', 'constituency', 'division', 'local area'] },
  { id: 'constituent', phrases: ['constituent', 'resident', 'member of the public', 'local people'] },
  { id: 'casework', phrases: ['casework', 'case work', 'ward issue', 'constituent enquiry'] },
  { id: 'meeting', phrases: ['meeting', 'briefing', 'session'] },
  { id: 'attend', phrases: ['attend', 'attendance', 'go to'] },
  { id: 'advice', phrases: ['advice', 'guidance', 'briefing', 'recommendation'] },
  {
    id: 'neutrality',
    phrases: [
      'politically neutral',
      'political neutrality',
      'impartial',
      'impartiality',
      'politically restricted',
      'neutral',
      'unbiased',
      'even-handed',
    ],
  },
  {
    id: 'political-activity',
    phrases: [
      'political activity',
      'political activities',
      'politically restricted post',
      'politically exempted',
      'party member',
      'member of a political party',
    ],
  },
  {
    id: 'accountable',
    phrases: ['accountable', 'accountability', 'answerable', 'line manager', 'line management'],
  },
  { id: 'report', phrases: ['report', 'committee report', 'officer report'] },
  { id: 'decision', phrases: ['decision', 'determination', 'resolution'] },
  {
    id: 'appointment',
    phrases: ['appointment', 'recruitment', 'hiring', 'dismissal', 'discipline', 'disciplinary'],
  },
  {
    id: 'criticism',
    phrases: ['criticise', 'criticism', 'blame', 'attack', 'undermine', 'public criticism'],
  },
  {
    id: 'respect',
    phrases: [
      'respect',
      'respectful',
      'disrespectful',
      'courtesy',
      'courteous',
      'discourteous',
      'dignity',
      'politeness',
      'polite',
      'rude',
      'rudeness',
    ],
  },
  { id: 'parish', phrases: ['parish council', 'town council', 'clerk', 'parish clerk', 'proper officer'] },
  {
    id: 'protocol',
    phrases: [
      'protocol',
      'member officer protocol',
      'member/officer relations',
      'councillor officer relations',
    ],
  },
  {
    id: 'definition',
    phrases: [
      'counts as',
      'count as',
      'definition',
      'defined',
      'characterised',
      'constitutes',
      'meaning of',
      'examples of',
    ],
  },
  { id: 'information', phrases: ['information', 'info', 'details', 'data', 'particulars'] },
  { id: 'chair', phrases: ['chair', 'chairman', 'chairmen', 'chairwoman', 'chairperson', 'chairs'] },
  { id: 'decline', phrases: ['decline', 'refuse', 'refusal', 'reject', 'rejection', 'say no', 'turn down'] },
  // Sending someone else to a group meeting (Part 5C 11.6, Bursledon 4.1(b): "a representative in their stead").
  {
    id: 'stand-in',
    phrases: ['representative', 'in their stead', 'instead', 'stand in', 'deputise', 'send someone else'],
  },
  // Officers in politically restricted posts "cannot be Local Councillors" (Part 5C 10.1).
  {
    id: 'stand-for-council',
    phrases: [
      'local councillor',
      'stand as a councillor',
      'stand for election',
      'stand for council',
      'run for council',
      'become a councillor',
    ],
  },
  { id: 'relay', phrases: ['relay', 'pass on', 'divulge', 'repeat', 'report back'] },
  {
    id: 'satisfied',
    phrases: ['satisfied', 'dissatisfied', 'happy', 'unhappy', 'not satisfied', 'displeased', 'aggrieved'],
  },
  { id: 'dispute', phrases: ['dispute', 'disagreement', 'decide', 'arbitrate', 'final say'] },
];
