package sentences

import (
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"abbreviations", "U.S. Secretary of State Antony Blinken spoke on Jan. 26 in Washington. Sen. Bob Menendez and Gen. Mark Milley listened. Mr. Biden did not.",
			[]string{"U.S. Secretary of State Antony Blinken spoke on Jan. 26 in Washington.", "Sen. Bob Menendez and Gen. Mark Milley listened.", "Mr. Biden did not."}},
		{"acronym before a title", "Talks between Russia and U.S. President Joe Biden went on. The U.K. Prime Minister spoke.",
			[]string{"Talks between Russia and U.S. President Joe Biden went on.", "The U.K. Prime Minister spoke."}},
		{"acronym at the end", "Troops left the U.S. The talks went on.", []string{"Troops left the U.S.", "The talks went on."}},
		{"quotes", `“We will uphold the principle,” he said. “There was no positive answer,” Lavrov said on Jan. 27.`,
			[]string{`“We will uphold the principle,” he said.`, `“There was no positive answer,” Lavrov said on Jan. 27.`}},
		{"question inside a quote", `"Is it true?" she asked. "Yes." He left.`, []string{`"Is it true?" she asked.`, `"Yes."`, "He left."}},
		{"ellipsis inside", `"Putting things in writing is... a good way," he said. Then he left...`, []string{`"Putting things in writing is... a good way," he said.`, "Then he left..."}},
		{"decimals and initials", "Growth was 3.5 percent, said J. K. Rowling and George W. Bush. It fell.", []string{"Growth was 3.5 percent, said J. K. Rowling and George W. Bush.", "It fell."}},
		{"paragraphs", "A heading\n\nFirst line ends without a stop\nSecond.", []string{"A heading", "First line ends without a stop", "Second."}},
		{"German", "Die Regierung hat am Montag reagiert. Bundeskanzler Olaf Scholz sagte, es gebe z.B. neue Pläne. Das ist alles.",
			[]string{"Die Regierung hat am Montag reagiert.", "Bundeskanzler Olaf Scholz sagte, es gebe z.B. neue Pläne.", "Das ist alles."}},
		{"a day written 26.", "Die Zentralbank senkte am 6. Juni den Zins. Am 12. September folgte der zweite Schritt. Das Defizit lag bei 1,5 Mrd. Euro. Er kam am 6. Er ging.",
			[]string{"Die Zentralbank senkte am 6. Juni den Zins.", "Am 12. September folgte der zweite Schritt.", "Das Defizit lag bei 1,5 Mrd. Euro.", "Er kam am 6.", "Er ging."}},
		{"Slovenian day", "Moskva, 1. marca - Na pokopališču so ga pokopali. Ljudje so prišli.", []string{"Moskva, 1. marca - Na pokopališču so ga pokopali.", "Ljudje so prišli."}},
		{"Russian", "Лавров заявил об этом в среду. Ответ США не был опубликован.", []string{"Лавров заявил об этом в среду.", "Ответ США не был опубликован."}},
		{"Chinese", "美国周三作出书面答复。俄罗斯表示失望！", []string{"美国周三作出书面答复。", "俄罗斯表示失望！"}},
		{"company", "Apple Inc. said it would appeal. Shares fell.", []string{"Apple Inc. said it would appeal.", "Shares fell."}},
		{"court case", "The court overturned Roe v. Wade on Friday. Protests followed.", []string{"The court overturned Roe v. Wade on Friday.", "Protests followed."}},
		{"numbering", "It ranked No. 5 in the list. She said no. Putting it off was wiser.", []string{"It ranked No. 5 in the list.", "She said no.", "Putting it off was wiser."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range Split(tt.text) {
				got = append(got, s.Text(tt.text))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Split:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func FuzzSplit(f *testing.F) {
	f.Add("Mr. Smith went to Washington. He said: “No.” Then… nothing!")
	f.Add("美国周三作出书面答复。")
	f.Fuzz(func(t *testing.T, text string) {
		last := 0
		for _, s := range Split(text) {
			if s.Start < last || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("bad span %+v after %d in %q", s, last, text)
			}
			last = s.End
		}
	})
}
