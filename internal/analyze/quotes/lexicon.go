package quotes

import (
	"strings"

	"github.com/chorusnews/chorus/internal/wordfilter"
)

// cueForm says how a cue word introduces what was said.
type cueForm uint8

const (
	formFinite    cueForm = iota + 1 // said, says, told, wrote, sagte, dijo
	formBase                         // say, think, tell: needs a subject right before it
	formPart                         // saying, adding: the speaker is the clause's subject
	formPastPart                     // been reported: passive when an auxiliary precedes
	formAccording                    // according (to), per, selon, laut, según
)

// cueInfo describes one cue word.
type cueInfo struct {
	form cueForm
	// obj: the verb takes the addressee before what was said ("told
	// reporters", "asked him").
	obj bool
	// weak: the word is as often a noun or means something else ("states",
	// "reports", "called"); it counts only with "that", a colon, a quote or
	// a speaker after a comma.
	weak bool
	// think: a verb of thinking rather than saying (believes, thinks).
	think bool
	// utter: a verb of voicing words whose object is the words themselves
	// ("chanted “Lock her up!” as he spoke", "yelled “You lie!” at him"):
	// a quotation right after it is all that was said, whatever follows.
	utter bool
}

// English cue verbs: base, past, third person, participle (and a distinct
// past participle when there is one). A leading "!" marks the verb weak, a
// leading "+" marks it taking an addressee, "~" a verb of thinking, "*" a
// verb of voicing the words themselves.
var englishVerbs = []string{
	"say said says saying",
	"+tell told tells telling",
	"add added adds adding",
	"write wrote writes writing written",
	"tweet tweeted tweets tweeting",
	"announce announced announces announcing",
	"warn warned warns warning",
	"claim claimed claims claiming",
	"argue argued argues arguing",
	"insist insisted insists insisting",
	"note noted notes noting",
	"state stated states stating",
	"report reported reports reporting",
	"confirm confirmed confirms confirming",
	"deny denied denies denying",
	"acknowledge acknowledged acknowledges acknowledging",
	"explain explained explains explaining",
	"suggest suggested suggests suggesting",
	"declare declared declares declaring",
	"reply replied replies replying",
	"!respond responded responds responding",
	"!continue continued continues continuing",
	"recall recalled recalls recalling",
	"predict predicted predicts predicting",
	"!estimate estimated estimates estimating",
	"conclude concluded concludes concluding",
	"contend contended contends contending",
	"!maintain maintained maintains maintaining",
	"!agree agreed agrees agreeing",
	"admit admitted admits admitting",
	"reveal revealed reveals revealing",
	"stress stressed stresses stressing",
	"emphasize emphasized emphasizes emphasizing",
	"emphasise emphasised emphasises emphasising",
	"+urge urged urges urging",
	"vow vowed vows vowing",
	"promise promised promises promising",
	"!pledge pledged pledges pledging",
	"+ask asked asks asking",
	"remark remarked remarks remarking",
	"observe observed observes observing",
	"concede conceded concedes conceding",
	"assert asserted asserts asserting",
	"allege alleged alleges alleging",
	"complain complained complains complaining",
	"boast boasted boasts boasting",
	"joke joked jokes joking",
	"quip quipped quips quipping",
	"!charge charged charges charging",
	"!counter countered counters countering",
	"testify testified testifies testifying",
	"hint hinted hints hinting",
	"indicate indicated indicates indicating",
	"disclose disclosed discloses disclosing",
	"caution cautioned cautions cautioning",
	"speculate speculated speculates speculating",
	"!wonder wondered wonders wondering",
	"lament lamented laments lamenting",
	"affirm affirmed affirms affirming",
	"+assure assured assures assuring",
	"+remind reminded reminds reminding",
	"+inform informed informs informing",
	"+warn warned warns warning",
	"describe described describes describing",
	"!call called calls calling",
	"+accuse accused accuses accusing",
	"criticize criticized criticizes criticizing",
	"criticise criticised criticises criticising",
	"praise praised praises praising",
	"laud lauded lauds lauding",
	"applaud applauded applauds applauding",
	"commend commended commends commending",
	"tout touted touts touting",
	"!hail hailed hails hailing",
	"!welcome welcomed welcomes welcoming",
	"decry decried decries decrying",
	"bemoan bemoaned bemoans bemoaning",
	"lambaste lambasted lambastes lambasting",
	"chide chided chides chiding",
	"scold scolded scolds scolding",
	"!blame blamed blames blaming",
	"!mention mentioned mentions mentioning",
	"!cite cited cites citing",
	"!propose proposed proposes proposing",
	"demand demanded demands demanding",
	"!question questioned questions questioning",
	"!reject rejected rejects rejecting",
	"dismiss dismissed dismisses dismissing",
	"!defend defended defends defending",
	"denounce denounced denounces denouncing",
	"!blast blasted blasts blasting",
	"!slam slammed slams slamming",
	"!attack attacked attacks attacking",
	"!endorse endorsed endorses endorsing",
	"!post posted posts posting",
	"!point pointed points pointing",
	"!show showed shows showing shown",
	"!find found finds finding",
	"!describe described describes describing",
	"!signal signaled signals signaling",
	"!read read reads reading",
	"~!hope hoped hopes hoping",
	"~!fear feared fears fearing",
	"~!expect expected expects expecting",
	"~!worry worried worries worrying",
	"*yell yelled yells yelling",
	"*shout shouted shouts shouting",
	"*chant chanted chants chanting",
	"*scream screamed screams screaming",
	"*exclaim exclaimed exclaims exclaiming",
	"*interject interjected interjects interjecting",
	"*bark barked barks barking",
	"proclaim proclaimed proclaims proclaiming",
	"retweet retweeted retweets retweeting",
	"!email emailed emails emailing",
	"!text texted texts texting",
	"recount recounted recounts recounting",
	"!answer answered answers answering",
	"!echo echoed echoes echoing",
	"marvel marveled marvels marveling",
	"muse mused muses musing",
	"snipe sniped snipes sniping",
	"scoff scoffed scoffs scoffing",
	"!snap snapped snaps snapping",
	"gush gushed gushes gushing",
	"gripe griped gripes griping",
	"fume fumed fumes fuming",
	"opine opined opines opining",
	"!reason reasoned reasons reasoning",
	"elaborate elaborated elaborates elaborating",
	"reiterate reiterated reiterates reiterating",
	"!repeat repeated repeats repeating",
	"retort retorted retorts retorting",
	"*whisper whispered whispers whispering",
	"brag bragged brags bragging",
	"!rail railed rails railing",
	"rant ranted rants ranting",
	"plead pleaded pleads pleading",
	"vent vented vents venting",
	"!mock mocked mocks mocking",
	"+thank thanked thanks thanking",
	"!press pressed presses pressing",
	"!sing sang sings singing",
	"!put put puts putting",
	"~think thought thinks thinking",
	"~believe believed believes believing",
	"~!know knew knows knowing known",
	"~!feel felt feels feeling",
	"~doubt doubted doubts doubting",
	"~!suspect suspected suspects suspecting",
	"!insinuate insinuated insinuates insinuating",
	"!imply implied implies implying",
	"~!recognize recognized recognizes recognizing",
	"~!understand understood understands understanding",
	"~!assume assumed assumes assuming",
	"!acknowledge acknowledged acknowledges acknowledging",
}

// Cues of other languages, as finite forms (the verb that follows its
// subject or precedes an inverted one).
var otherFinite = strings.Fields(`
sagte sagten sagt erklärte erklärten erklärt betonte betonten betont schrieb schrieben schreibt
meinte meinten meint teilte sprach warnte warnt kritisierte forderte fordert bestätigte
berichtete berichtet behauptete behauptet ergänzte fügte
déclaré dit affirmé indiqué expliqué ajouté souligné estimé précisé annoncé assuré
déclare affirme indique explique ajoute souligne estime précise annonce assure écrit
dijo afirmó aseguró declaró explicó señaló añadió indicó sostuvo manifestó escribió advirtió
dice afirma asegura declara explica señala añade indica sostiene
detto dichiarato affermato spiegato aggiunto sottolineato
disse afirmou declarou explicou acrescentou sublinhou garantiu escreveu
zei zegt verklaarde verklaart schreef benadrukte
заявил заявила заявили сказал сказала сказали отметил отметила отметили сообщил сообщила сообщили
написал написала подчеркнул подчеркнула добавил добавила пояснил пояснила считает
заявив сказав
powiedział powiedziała stwierdził stwierdziła
заявив
`)

// Cues that name the source after them: "according to", "selon".
var otherAccording = strings.Fields(`selon según laut zufolge volgens secondo segundo aldus`)

// lexicon maps a lower-case word to its cue.
type lexicon map[string]cueInfo

func buildLexicon() lexicon {
	lx := lexicon{}
	for _, line := range englishVerbs {
		weak, obj, think, utter := false, false, false, false
		for len(line) > 0 && strings.ContainsRune("!+~*", rune(line[0])) {
			switch line[0] {
			case '!':
				weak = true
			case '+':
				obj = true
			case '~':
				think = true
			case '*':
				utter = true
			}
			line = line[1:]
		}
		f := strings.Fields(line)
		set := func(w string, form cueForm, wk bool) {
			if old, ok := lx[w]; ok && old.form != form {
				// "read" is base and past: keep the finite reading.
				if old.form == formFinite {
					return
				}
			}
			lx[w] = cueInfo{form: form, obj: obj, weak: wk, think: think, utter: utter}
		}
		set(f[0], formBase, true)
		set(f[1], formFinite, weak)
		// Third-person forms double as plural nouns: "states", "reports",
		// "claims", "notes", "calls".
		set(f[2], formFinite, weak || nounLike[f[2]])
		set(f[3], formPart, weak)
		// A distinct past participle ("written", "shown") is mostly an
		// adjective: it is no cue of its own.
	}
	// Base forms that commonly report speech after a plural subject: "officials
	// say", "polls show", "critics argue", "I think".
	for _, w := range strings.Fields("say tell argue think believe warn insist claim contend suggest predict fear worry") {
		c := lx[w]
		c.weak = false
		if nounLike[w] {
			c.weak = true
		}
		lx[w] = c
	}
	for _, w := range otherFinite {
		lx[w] = cueInfo{form: formFinite}
	}
	for _, w := range otherAccording {
		lx[w] = cueInfo{form: formAccording}
	}
	lx["according"] = cueInfo{form: formAccording}
	return lx
}

// nounLike are verb forms that are at least as often nouns.
var nounLike = wordSet(`states reports claims notes calls points shows finds means reads posts charges counters questions
attacks blasts hopes fears doubts demands estimates cites proposes remarks quips jokes warns pledges promises vows
tweets answers concerns statements note claim report state show point hope fear doubt remark joke quip tweet charge
counter question attack blast post demand estimate vow pledge promise emails texts`)

// thatWords open reported content.
var thatWords = wordSet("that dass daß que que qu che что чтобы dat że")

// Words an auxiliary or adverb between a speaker and the cue may take.
var auxWords = wordSet(`has have had also only now far so later then previously recently repeatedly once would will could can may
might did does do not never reportedly publicly privately again already still often just even too first
initially subsequently separately similarly further long since ultimately finally earlier frequently
eventually quickly immediately simply flatly bluntly angrily openly flat falsely correctly together
a ont avait avaient hat haben hatte ha han había ha hanno aveva heeft hebben
gestern heute bereits ebenfalls`)

// passiveAux before a past participle make the cue passive ("it was reported").
var passiveAux = wordSet("is was were are been be being")

// stopWords end a speaker phrase when walking away from the cue.
var stopWords = wordSet(`is are was were be been being am has have had do does did will would can could should may
might must shall not no never that which who whom whose what when where why how while whereas because since if
unless although though as than then so but or nor yet until also to there here this these those it its
into over under against during through like across between around without within toward towards upon via per
despite about after before by on amid among off out up down just even only already still now
said says say told tells saying telling according added wrote called asked
neither either both whether once rather instead perhaps maybe indeed however meanwhile moreover
thus hence therefore otherwise also too very more most less least much many`)

// npInner are lower-case words that may sit inside a speaker phrase but
// never begin one ("a spokesman for the campaign", "a source in Kyiv").
var npInner = wordSet("of for at from with in on and")

// npLead are lower-case words that may begin a speaker phrase.
var npLead = wordSet(`the a an his her their its our my your some many most several few both all each every other
another two three four five six seven eight nine ten dozens hundreds thousands one no any former current
top senior chief state federal local white black one`)

// pronouns that stand for a speaker.
var subjPronouns = wordSet("he she they it we i you er sie il elle ils elles él ella ellos он она они")

// roleWords are titles and roles that come before a name ("Foreign Minister
// Sergei Lavrov", "Sen. Claire McCaskill", "spokesman Ned Price").
var roleWords = wordSet(`president vice secretary minister senator sen. sen rep. rep representative representatives gov. gov
governor mayor chancellor ambassador spokesman spokeswoman spokesperson spokespeople director chairman chairwoman chair
chief executive ceo cfo coo leader speaker judge justice attorney prime premier king queen prince princess pope
archbishop bishop rev. reverend dr. dr mr. mr mrs. mrs ms. ms prof. prof professor lt. lt col. col gen. maj. capt.
sgt. adm. admiral commander officer deputy assistant associate head envoy counsel congressman congresswoman
councilman councilwoman councilmember candidate nominee founder co-founder president-elect strategist adviser advisor
analyst economist pollster professor lawyer aide aides manager editor reporter correspondent columnist
commissioner superintendent sheriff chief-of-staff foreign defense interior finance treasurer comptroller
lieutenant general major captain sergeant colonel brigadier marshal delegate member members spokesmen
official officials consultant activist expert scientist researcher historian author writer anchor host commentator
organizer chairperson administrator inspector surgeon sir lord lady dame
bundeskanzler kanzler außenminister ministre président premier-ministre presidente ministro canciller
министр президент глава`)

// orgWords mark a name as an organisation ("Russian Foreign Ministry").
var orgWords = wordSet(`ministry department office committee party council house campaign administration government
agency commission court congress senate parliament kremlin pentagon university college institute foundation
association union network news times post journal press reuters group bank company corporation corp. corp inc.
inc fund center centre organization organisation service bureau board police army navy forces force coalition
alliance team club league federation embassy mission ministerium regierung cabinet caucus pac commission
association society trust institution authority authorities directorate command headquarters staff
newspaper magazine tribune herald gazette daily radio television tv channel agency institute movement front
industries holdings group labs bureau nato un eu fbi cia nsa cnn bbc abc cbs nbc msnbc npr ap afp gop dnc rnc
tass interfax ria xinhua republicans democrats`)

// deptWords follow "Secretary of" and belong to the title.
var deptWords = wordSet(`state defense defence foreign affairs homeland security the treasury health human services justice
energy education labor labour commerce agriculture interior transportation veterans housing urban development
finance staff police war navy army air force`)

// notFirstName are capitalised words that begin place and institution
// names rather than people's names.
var notFirstName = wordSet(`new united north south east west northern southern eastern western saint st. st los las san santa
fort mount lake white supreme federal national democratic republican american russian ukrainian european british
german french chinese israeli the u.s. us u.k. uk state states central great upper lower old grand royal
congressional presidential general foreign
the monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december`)

// nameParticles may stand lower-case inside a name.
var nameParticles = wordSet("de del della der den van von da das dos du le la bin ibn al el ter ten zu y")

// prepositions that open an adjunct after a cue ("said on Monday", "wrote in
// a statement").
var adjunctPreps = wordSet(`on in at during to after before while via through from with without amid following
last this late early earlier later yesterday today tonight when as over shortly monday tuesday wednesday
thursday friday saturday sunday afterwards afterward recently again also outside inside near before
jan. feb. mar. apr. may jun. jul. aug. sep. sept. oct. nov. dec. january february march april june july
august september october november december`)

// mediaNouns end a cue's medium phrase: "in a statement", "on Twitter".
var mediaNouns = wordSet(`statement statements interview interviews tweet tweets post posts letter letters speech speeches
release briefing conference call email e-mail memo op-ed column video message messages blog podcast appearance
remarks statement. twitter facebook instagram telegram x youtube tiktok television tv radio cnn fox msnbc
rally hearing testimony report filing broadcast address session telecast debate`)

// relPronouns point back to a speaker named before them.
var relPronouns = wordSet("who which")

// clauseSubjects are pronouns that open a new clause after a cue.
var clauseSubjects = wordSet("he she they it we i you there this these those")

// anonymous heads keep the phrase as written.
var groupWords = wordSet(`officials sources analysts experts critics aides advisers people democrats republicans
lawmakers leaders diplomats residents voters supporters opponents observers authorities investigators
prosecutors researchers scientists economists polls surveys reports sources officials members some many others`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// speakerNouns head a speaker phrase that is a thing or a role, not a
// name: "the report notes", "a new poll shows", "the spokesman claims".
var speakerNouns = wordSet(`report reports study studies poll polls survey surveys statement statements analysis
letter memo document documents data figures numbers records filing complaint lawsuit indictment ruling order
decision review audit investigation probe website site page post tweet ad ads video article editorial book
campaign government administration ministry department office agency committee court spokesman spokeswoman
spokesperson official officials source sources aide aides adviser advisers footage average averages
results records figures statistics numbers filings transcript`)

// Lexical classes of a word, as bits: one map lookup tells them all.
const (
	lxStop uint16 = 1 << iota
	lxInner
	lxLead
	lxRole
	lxOrg
	lxNotFirst
	lxParticle
	lxAux
	lxDesc
	lxCue
	lxMind // a word the thoughts step reads (see thought.go)
	lxDone // the flags of a token were computed
)

// lexFlags maps a lower-case word to its classes.
var lexFlags = func() map[string]uint16 {
	m := map[string]uint16{}
	add := func(set map[string]bool, bit uint16) {
		for w := range set {
			m[w] |= bit
		}
	}
	add(stopWords, lxStop)
	add(npInner, lxInner)
	add(npLead, lxLead)
	add(roleWords, lxRole)
	add(orgWords, lxOrg)
	add(notFirstName, lxNotFirst)
	add(nameParticles, lxParticle)
	add(auxWords, lxAux)
	add(descriptors, lxDesc)
	for w := range cues {
		m[w] |= lxCue
	}
	for _, words := range thoughtWords() {
		for _, w := range words {
			m[w] |= lxMind
		}
	}
	return m
}()

// lexFilter turns most words away before the look-up in lexFlags.
var lexFilter = wordfilter.New(lexFlags)
