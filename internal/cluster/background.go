package cluster

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"strconv"
	"strings"
	"sync"
)

// background.tsv.gz holds document frequencies of terms over a few thousand
// news articles and web pages (PolNeAR, WCXB, AEB; see
// TestWriteBackground). A small batch — five articles about one event —
// says nothing about which words are common; the background does.
//
//go:embed background.tsv.gz
var backgroundData []byte

type dfTable struct {
	docs int
	df   map[string]int
}

var background = sync.OnceValue(func() dfTable {
	t := dfTable{df: map[string]int{}}
	zr, err := gzip.NewReader(bytes.NewReader(backgroundData))
	if err != nil {
		panic("cluster: embedded background is corrupt: " + err.Error())
	}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		term, n, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			continue
		}
		v, _ := strconv.Atoi(n)
		if term == "" {
			t.docs = v // the first line holds the number of documents
			continue
		}
		t.df[term] = v
	}
	return t
})
