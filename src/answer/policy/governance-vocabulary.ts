/**
 * Words that put a message inside the bot's remit (member/officer conduct, council governance). Used to tell an
 * unanswerable protocol question (escalate) from an unrelated one (out of scope).
 */
export const governanceTerms: RegExp =
  /\b(councill?ors?|councilers?|counsell?ors?|cllrs?|members?|of+ic+ers?|independ[ae]nt persons?|parties|party|labour|conservatives?|tor(y|ies)|lib ?dems?|green party|reform uk|groups?|elections?|electioneering|canvass\w*|manifestos?|newsletters?|chairman|chairmen|chairs?|vice[- ]chairs?|mayor|leader|ceremonial|civic|press office|council (resources|stationery|equipment|premises|offices|printers?|photocopiers?|facilities|it|email|twitter|website)|monitoring officer|\bmo\b|protocol|code of conduct|conduct|standards committee|standards|political groups?|party groups?|group leaders?|group meetings?|need to know|interests?|dpis?|dispensations?|scrutiny|cabinet|portfolio holders?|chief executive|head of (paid )?service|heads of service|committees?|constitution|whistle ?blow\w*|bull(y|ying|ied)|harass\w*|confidential\w*|exempt|agendas?|minutes|clerks?|parish|wards?|neutral(ity)?|impartial(ity)?|political(ly)?|campaign\w*|purdah|pre-election|publicity|press releases?|s151|section 151|chief finance officer|grievance|disciplinary|complaints?|relationships?|employees?|staff|council business|decisions?|lawful\w*|briefings?|enquir(y|ies)|information requests?|hospitality|gifts?|independent persons?|local government|localism act|declar\w+|register of interests)\b/;

/**
 * Governance words that also turn up in everyday chat ("lunch near the civic centre", "scrape the agenda pages",
 * "the mayor's parade", "five minutes", "staff car park"). A message about an everyday matter (below) whose only
 * governance words are these is not taken for a protocol question.
 */
export const everydayGovernanceWords: RegExp =
  /\b(civic( cent(re|er)| hall| offices)?|mayor'?s?|agendas?|minutes|websites?|wards?|staff|employees?|groups?|members?|chairs?|decisions?|relationships?|complaints?|leader|council (it|email|website|premises|offices|facilities|twitter))\b/g;

/**
 * Everyday requests outside the remit even when they mention the council (bins, parking, passwords). A message
 * that matches one of these and no governance term above is out of scope.
 */
export const offTopicPatterns: RegExp[] = [
  /\b(weather|forecast|rain(ing)?|sunny|temperature)\b/,
  /\b(bins?|recycling|rubbish|refuse collection|waste collection|fly[- ]?tipping|litter)\b/,
  /\b(password|log ?in|login|wifi|wi-fi|vpn|laptop|printer (is )?(jammed|broken|not working)|outlook|teams (is|keeps) (crashing|down)|reset my|locked out|it helpdesk|service ?desk)\b/,
  /\b(recipes?|cook(ing)?|bake|baking|restaurants?|pizza|lunch|canteen|caf[eé]s?|coffee|pubs?|takeaways?|sandwich(es)?|places to eat)\b/,
  /\b(happy (friday|monday|new year|christmas|easter|holidays)|how are you|how'?s it going|tgif)\b/,
  /\b(football|cricket|rugby|premier league|match score|world cup|olympics)\b/,
  /\b(parking (permit|ticket|fine)|council tax (bill|band|payment)|pothole|street ?light|library (opening|hours)|swimming pool|leisure centre|school places|bus times|train times)\b/,
  /\b(translate|translation|capital of|what is \d+ ?[-+*/x] ?\d+|solve (this|the) equation|javascript|python|excel formula|sql query)\b/,
  /\b(holiday|annual leave|pay ?slip|salary|pension|expenses claim|car park)\b/,
  /\b(stock market|bitcoin|crypto|lottery|horoscope|dating advice|relationship advice|diet|weight loss|medical|doctor|symptoms)\b/,
];

/** Phrases that try to change the bot's instructions; removed before the decision is taken. */
export const injectionPatterns: RegExp[] = [
  /\b(ignore|disregard|forget|override|bypass)\b(\s+(all|any|every|of|the|your|my|previous|prior|earlier|above|preceding|system|these|those|its|safety|original|existing|old))*\s+(instructions?|rules?|prompts?|guidelines|guardrails|restrictions|policy|policies|programming|training|constraints|above|everything)\b/g,
  /\b(you are|you're|from now on,? you are|act as if you are)\b[^.!?\n]{0,20}\b(unrestricted|unfiltered|jailbroken|free of (all )?rules|no longer bound|without (any )?(rules|restrictions|limits))\b[^.!?\n]{0,40}/g,
  /\b(new|updated|real|actual|system|admin|developer)\s+(instructions?|prompt|message|override)\s*:/g,
  /\b(rules?|restrictions|guardrails|neutrality|filters?|safety|policy|policies)\b[^.!?\n]{0,20}\b(disabled|lifted|removed|suspended|switched off|turned off|no longer apply|waived)\b[^.!?\n]{0,40}/g,
  /\[\/?(system|inst|admin)\]|<\/?(system|sys)>|###\s*(system|instruction)/g,
];
