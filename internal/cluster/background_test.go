package cluster

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestWriteBackground rebuilds background.tsv.gz from the evaluation data in
// ../shared (not AllSides, on which clustering is measured):
//
//	CHORUS_WRITE_BACKGROUND=1 go test -run TestWriteBackground ./internal/cluster/
func TestWriteBackground(t *testing.T) {
	if os.Getenv("CHORUS_WRITE_BACKGROUND") == "" {
		t.Skip("set CHORUS_WRITE_BACKGROUND=1 to rebuild the background table")
	}
	const data = "../../../shared/data/"
	var texts []string
	for _, pattern := range []string{"attribution/polnear-train/text/*.txt", "attribution/polnear-dev/text/*.txt"} {
		files, _ := filepath.Glob(data + pattern)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(b))
		}
	}
	files, _ := filepath.Glob(data + "extraction/wcxb-articles-dev/ground-truth/*.json")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		var g struct {
			GroundTruth struct {
				MainContent string `json:"main_content"`
			} `json:"ground_truth"`
		}
		json.Unmarshal(b, &g)
		texts = append(texts, g.GroundTruth.MainContent)
	}
	var aeb map[string]struct{ ArticleBody string }
	b, _ := os.ReadFile(data + "extraction/aeb/ground-truth.json")
	json.Unmarshal(b, &aeb)
	for _, a := range aeb {
		texts = append(texts, a.ArticleBody)
	}
	df := map[string]int{}
	o := DefaultOptions()
	o.PairWeight, o.MaxWords = 0, 1<<30
	for _, text := range texts {
		for term := range terms(Doc{Text: text, Language: "en"}, o) {
			df[term]++
		}
	}
	keys := make([]string, 0, len(df))
	for k, n := range df {
		if n >= 2 {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	out, err := os.Create("background.tsv.gz")
	if err != nil {
		t.Fatal(err)
	}
	zw, _ := gzip.NewWriterLevel(out, gzip.BestCompression)
	fmt.Fprintf(zw, "\t%d\n", len(texts))
	for _, k := range keys {
		fmt.Fprintf(zw, "%s\t%d\n", k, df[k])
	}
	zw.Close()
	out.Close()
	t.Logf("%d documents, %d terms", len(texts), len(keys))
}

func TestBackgroundLoads(t *testing.T) {
	bg := background()
	if bg.docs < 1000 || bg.df["the"] != 0 || bg.df["presid"] == 0 && bg.df["president"] == 0 {
		t.Errorf("background: %d docs, df(president)=%d", bg.docs, bg.df["president"])
	}
}
