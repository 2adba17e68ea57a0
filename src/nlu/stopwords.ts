/**
 * Function words and chat filler that say nothing about which topic a message
 * is about. Question words that do carry meaning here ("why" -> causes,
 * "which" -> choosing a therapy, "when" -> seeing a doctor, "often" ->
 * frequency) are deliberately not in the list.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both
but by can cant could couldnt did didnt do does doesnt doing dont down during each few for from further get gets
getting got had has have having he her here hers him his how i id if im in into is isnt it its itll itself ive just
kind lets like me might more most much must my myself no nor not now of off on once only or other our ours out over
own please pls plz really same she should shouldnt so some such than that thats the their theirs them then there
these they theyre this those though through to too under until up us very was wasnt we were what whats where whether
while who whom will with would wouldnt you youd youll your youre yours yourself thing things stuff also
bit lot lots quite maybe probably anyone someone something anything tell know want wanna need u ur r ya hi hello hey
thanks thank ok okay yeah yes sort gonna gotta say said one ones still even way`.split(/\s+/),
);
