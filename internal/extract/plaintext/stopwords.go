package plaintext

import "strings"

// stopwords is the union of the commonest function words of the languages
// Chorus meets most. Prose is dense in them and menus, teasers and credits
// are not, whatever the language, so the union serves without first guessing
// the language (a word shared by two languages only counts once).
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, list := range []string{
		// English
		`a about above after again against all also am an and any are as at be because been before being below between both but by
		can could did do does doing down during each even ever few for from further had has have having he her here hers herself him
		himself his how i if in into is it its itself just may me might more most much must my myself no nor not now of off on once
		only or other our ours out over own said same says she should since so some still such than that the their theirs them then
		there these they this those though through to too under until up upon us very was we were what when where whether which while
		who whom whose why will with within without would yet you your`,
		// German
		`aber als also am an auch auf aus bei bin bis bist da dann das dass dem den der des die dies diese dieser doch dort du durch
		ein eine einem einen einer eines er es für gegen hat hatte hier ich ihr ihre im in ist jetzt kann kein keine man mehr mit
		nach nicht noch nun nur ob oder ohne sein seine sich sie sind so über um und uns unter vom von vor war waren was weil wenn
		werden wie wir wird wurde zu zum zur zwischen`,
		// French
		`à au aux avec ce ces cette comme dans de des du elle elles en est et été être eu il ils je la le les leur leurs lui mais me
		même mes moi mon ne nos notre nous on ont ou où par pas plus pour qu que qui sa sans se ses son sont sur ta te tes toi ton
		tous tout très tu un une vos votre vous y`,
		// Spanish, Portuguese, Italian
		`al como con de del el ella ellas ellos en entre era es esa ese esta este fue ha han hay la las le les lo los más mi muy no
		nos o para pero por porque que se ser si sin sobre son su sus también te tiene todo un una uno unos y ya
		ao aos as às com da das deu do dos ela ele eles em essa esse está estão foi há isso mais mas na nas não nem no nos num numa
		os ou para pela pelo por quando que se sem ser seu sua são também tem um uma você
		agli ai al alla alle anche che chi ci con da dal dalla dei del della delle di è gli ha hanno il in io la le lo ma mi nei nel
		nella non per più quando quella quello questa questo se si sono su sua suo sul sulla tra un una uno`,
		// Dutch, Scandinavian
		`aan af al bij dat de den der die dit door een en er het hij hoe ik in is je maar met na naar niet nog of om ook op over te
		tot uit van voor was wat we wel werd wie wij worden zal ze zich zij zijn
		alla att av de dem den det där efter ej en er ett från för har hon här i inte jag kan med men mot när och om på sig sin som
		till ut var vi vid är og på til ikke jeg han hun det der af med som har for til`,
		// Russian, Ukrainian
		`а без бы был была были было быть в вам вас весь во вот все всех вы где да даже для до его ее если есть еще же за и из или
		им их к как когда кто ли меня мне мы на над не него нет ни них но о об один он она они оно от по под после при с со так
		также там то того тоже только том ты у уже чем что чтобы эта эти это я
		але би був була було бути в від вони воно все де для до є же за з зі і й із їх як який яка які коли мене ми на не ні по
		при про та так також те теж то тут у чи що щоб це ця ці цей`,
		// Polish, Czech
		`a aby ale bez być by był była było co czy dla do go i ich jak jako jednak jego jej jest już ma może na nad nie nich o od po
		pod przez przy się są ta tak tego też to tu w we więc z za że
		aby ale ani až by být co do i jak jako je jeho jejich již jsou jsem k kde když na nebo než od po pro před při s se tak také
		to u v ve za že`,
		// Turkish, Indonesian
		`ve bir bu da de için ile olarak daha çok gibi ama ancak kadar sonra her ne o şu
		dan yang di ke dari ini itu dengan untuk tidak akan pada juga ada oleh dalam atau karena sudah`,
	} {
		for _, w := range strings.Fields(list) {
			m[w] = true
		}
	}
	return m
}()
