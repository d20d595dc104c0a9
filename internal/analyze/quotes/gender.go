package quotes

import "strings"

// Genders a first name or a title tells.
const (
	gUnknown = 0
	gFemale  = 1
	gMale    = 2
)

// femaleNames and maleNames are common first names, enough to keep "she"
// from pointing at a man and "he" at a woman.
var femaleNames = wordSet(`mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon
laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra
rachel catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina lauren
joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean
alice madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia marie diana
brittany natalie isabella charlotte rose alexis kayla hillary hilary condoleezza nikki sarah kellyanne ivanka
melania michelle huma donna debbie nancy elizabeth kirsten tammy claire amy dianne barbara susan lisa jeanne
loretta samantha valerie hope kate caitlin madeleine angela theresa marine christine ursula federica annalena
kaja yulia iryna olena olga natalia svetlana tatiana anastasia maria irina ekaterina liz jacinda giorgia sanna
ilhan alexandria rashida ayanna pramila tulsi kamala gretchen gwen maxine sheila marsha joni shelley
carly meghan megyn rachel katie mika norah andrea gayle robin oprah beyonce serena simone greta malala
jill sue joy ruth sonia elena ketanji amy janet gina jennifer kristi kari`)

var maleNames = wordSet(`james robert john michael william david richard joseph thomas charles christopher daniel
matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey
ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank
patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah
jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan billy
joe bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason
philip louis barack bernie bernard mitt marco ted jeb rand chris mike mitch newt rudy reince corey jared eric
vladimir sergei sergey dmitry dmytro volodymyr petro antony tony jens emmanuel olaf boris rishi justin xi kim
benjamin recep narendra jair andres abe shinzo fumio moon yoon ali hassan mohammed muhammad ahmed omar hamid
bashar hosni tim bill al dick lindsey kevin chuck harry`)

// genderOf tells the gender of the name [a, b) from its first name or a
// title before it ([ra, rb)).
func (f *finder) genderOf(name string, ra, rb int) int {
	for i := ra; i < rb && i < len(f.toks); i++ {
		switch w := f.word(i); {
		case w == "mrs." || w == "ms." || w == "mrs" || w == "ms" || w == "miss" || w == "madam" || strings.HasSuffix(w, "woman") || strings.HasSuffix(w, "women") || w == "queen" || w == "princess" || w == "lady" || w == "dame":
			return gFemale
		case w == "mr." || w == "mr" || strings.HasSuffix(w, "man") && w != "human" || w == "king" || w == "prince" || w == "sir" || w == "lord":
			return gMale
		}
	}
	// the first word a first name, before the surname: "Hillary
	// Clinton", and "Crooked Hillary Clinton" as a nickname puts it
	ws := strings.Fields(strings.ToLower(name))
	for i, w := range ws {
		if i > 0 && i == len(ws)-1 {
			break
		}
		switch {
		case femaleNames[w]:
			return gFemale
		case maleNames[w]:
			return gMale
		}
	}
	return gUnknown
}
