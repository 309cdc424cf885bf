/** Phrases that try to change the bot's instructions; removed before the decision is taken. */
export const injectionPatterns: RegExp[] = [
  /\b(ignore|disregard|forget|override|bypass)\b(\s+(all|any|every|of|the|your|my|previous|prior|earlier|above|preceding|system|these|those|its|safety|original|existing|old))*\s+(instructions?|rules?|prompts?|guidelines|guardrails|restrictions|policy|policies|programming|training|constraints|above|everything)\b/g,
  /\b(you are|you're|from now on,? you are|act as if you are)\b[^.!?\n]{0,20}\b(unrestricted|unfiltered|jailbroken|free of (all )?rules|no longer bound|without (any )?(rules|restrictions|limits))\b[^.!?\n]{0,40}/g,
  /\b(new|updated|real|actual|system|admin|developer)\s+(instructions?|prompt|message|override)\s*:/g,
  /\b(rules?|restrictions|guardrails|neutrality|filters?|safety|policy|policies)\b[^.!?\n]{0,20}\b(disabled|lifted|removed|suspended|switched off|turned off|no longer apply|waived)\b[^.!?\n]{0,40}/g,
  /\[\/?(system|inst|admin)\]|<\/?(system|sys)>|###\s*(system|instruction)/g,
];
