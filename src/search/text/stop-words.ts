/**
 * Words that carry no topic in a question or a clause. Domain words that look common ("group", "need", "know",
 * "member", "officer", "days") are deliberately absent: "need to know" and "political group" are concepts here.
 */
export const stopWords: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between
both but by can could did do does doing done down during each either else etc ever every few for from further
get gets getting got had has have having he her here hers herself him himself his how however i if in into is it
its itself just let lets may me might more most must my myself neither no nor not now of off on once only or other
others otherwise our ours ourselves out over own per please same shall she should so some such than that the their
theirs them themselves then there these they this those though through thus to too under until up upon us very
via was we were what whatever when whenever where whereas whether which while who whom whose why will with within
without would yes yet you your yours yourself yourselves
im ive id youre youve youd hes shes theyre theyve weve whats whos thats theres heres dont doesnt didnt cant
couldnt wont wouldnt shouldnt isnt arent wasnt werent hasnt havent hadnt mustnt`.split(/\s+/),
);

/**
 * Words that frame a question but say nothing about its topic ("what are the rules on …", "am I allowed to …").
 * Dropped from queries only; clauses keep them.
 */
export const questionFillerWords: ReadonlySet<string> = new Set(
  `allowed anyone anything ask asked asking explain happen happens kind mean means meant okay ok permitted
possible rule rules say says saying said someone something tell think way ways want wants wanted actually really hi hello
thanks sorry quick bit basically wondering wonder supposed`.split(/\s+/),
);
