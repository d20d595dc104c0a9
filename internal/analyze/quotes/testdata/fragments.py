#!/usr/bin/env python3
"""List digest quotes whose text starts with a lower-case word that cannot
open a clause: a verb form with no subject ("verb": "led to …", "were used
by …"), a preposition ("prep": "auf den Aufnahmen, …"), a word before a
comma, or a word with no finite verb in the words after it ("other": a
bare noun phrase). A heuristic to find constructions, not a measure.

usage: go run ./cmd/chorus digest --json FILE > d.json
       python3 internal/analyze/quotes/testdata/fragments.py d.json ...
"""
import json, sys, re
# words that can open a reported clause (pronouns, determiners, subordinators, infinitive marker, adverbs...)
OPEN = set("""i you he she it we they there this that these those the a an his her its our their my your
some many most all any no none each every both either neither one two three several few more much
if whether when while because as although though since unless until what who which how why where
to not never also only even still just now then so but and or yet perhaps maybe
man er sie es wir ihr ich du der die das den dem des ein eine einer einen einem dies diese dieser
il elle ils elles on nous vous je le la les un une des ce cette ces
él ella ellos ellas el los las una unos unas se
lui lei loro io noi voi lo gli""".split())
PREP = set("""of in on at by for with from about against into onto over under after before during between
among through toward towards upon within without across behind beyond near than per via like
auf in im am an bei mit von vom zu zum zur für gegen über unter nach vor seit aus durch um ohne
de du dans sur pour avec par sans contre vers chez en à au aux
del en con por para sin sobre contra entre hacia desde
di da nel nella con per su tra fra""".split())
FIN=set("is are was were am be has have had will would can could may might must shall should do does did".split())
IRR=set("took made gave went came got knew saw told thought found left felt kept ran won lost paid sent spent brought bought held led met fell rose grew began became".split())
def clausal(ws):
    for x in ws[1:7]:
        x=x.lower().strip(',.;:"\'“”‘’')
        if x in FIN or x in IRR or x.endswith("n't") or x.endswith("n’t"): return True
        if len(x)>3 and x.endswith('ed'): return True
    return False
def kind(w, ws=None):
    lw = w.lower().strip(',.;:"\'“”‘’')
    if not w[:1].islower(): return None
    if lw in OPEN: return None
    if lw in PREP: return 'prep'
    if re.search(r'(ed|en)$', lw) or lw in FIN or lw in IRR: return 'verb'
    if w.endswith(','): return 'word,'
    if ws is not None and clausal(ws): return None
    return 'other'
def main():
    tot = 0
    for fn in sys.argv[1:]:
        d = json.load(open(fn))
        n = 0
        for s in d['stories']:
            for q in s['quotes']:
                t = q['text'].strip().lstrip('"“„«\'‘ ')
                if not t: continue
                w = t.split()[0]
                k = kind(w, t.split())
                if k:
                    n += 1
                    print(f"{fn.split('/')[-1]}\t{k}\t{'D' if q.get('direct') else 'I'}\t{q['speaker']}\t{q.get('cue')}\t{t[:110]}")
        print(f"# {fn}: {n} suspicious", file=sys.stderr)
        tot += n
main()
