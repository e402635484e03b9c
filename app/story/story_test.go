package story

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/jiangsu-map/jsmap/data"
)

// article returns the source article's text (data/testdata/article.txt,
// without its title line) with all white space removed, as the page scan
// scatters it through the lines.
func article(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../data/testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	_, body, _ := strings.Cut(string(b), "\n")
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, body)
}

// texts lists every piece of the story's own text with where it is.
func texts() []struct {
	where string
	text  data.Text
} {
	var out []struct {
		where string
		text  data.Text
	}
	for _, s := range Sections {
		out = append(out, struct {
			where string
			text  data.Text
		}{s.ID + ".Heading", s.Heading})
		for i, p := range s.Paras {
			out = append(out, struct {
				where string
				text  data.Text
			}{fmt.Sprintf("%s.Paras[%d]", s.ID, i), p})
		}
	}
	return out
}

// TestSections checks the story's shape against package data: every
// covered city has one section of its own, in its part (the trillion-yuan
// cities, then the aspirants); a part's map shows all of its cities; ids
// are unique; a drawn tour is one the data has.
func TestSections(t *testing.T) {
	ids := map[string]bool{}
	own := map[string]int{}
	var part *Section
	for i := range Sections {
		s := &Sections[i]
		if ids[s.ID] {
			t.Errorf("section id %q: got it twice, want unique", s.ID)
		}
		ids[s.ID] = true
		if s.Heading.Zh == "" || s.Heading.En == "" || len(s.Paras) == 0 {
			t.Errorf("section %q: want a heading and text in both languages", s.ID)
		}
		for _, p := range s.Paras {
			if p.Zh == "" || p.En == "" {
				t.Errorf("section %q: a paragraph lacks a language", s.ID)
			}
		}
		if s.Part {
			part = s
			continue
		}
		if part == nil {
			t.Fatalf("section %q comes before any part", s.ID)
		}
		if len(s.Cities) != 1 {
			t.Errorf("section %q: got cities %v, want one city", s.ID, s.Cities)
		}
		for _, id := range s.Cities {
			c, ok := data.CityByID(id)
			if !ok || !c.Covered() {
				t.Errorf("section %q: city %q is not a city the article covers", s.ID, id)
				continue
			}
			own[id]++
			if !slices.Contains(part.Cities, id) {
				t.Errorf("section %q: city %q is not among its part's cities %v", s.ID, id, part.Cities)
			}
		}
		if s.Tour != "" {
			if _, ok := data.TourFrom(s.Tour); !ok || !slices.Contains(s.Cities, s.Tour) {
				t.Errorf("section %q: tour %q is no study tour of its city in data", s.ID, s.Tour)
			}
		}
	}
	var parts [][]string
	for _, s := range Sections {
		if s.Part {
			parts = append(parts, s.Cities)
		}
	}
	var trillion, aspiring []string
	for _, c := range data.Cities() {
		switch c.Status {
		case data.Trillion:
			trillion = append(trillion, c.ID)
		case data.Aspiring:
			aspiring = append(aspiring, c.ID)
		}
		if c.Covered() && own[c.ID] != 1 {
			t.Errorf("city %q: got %d sections of its own, want 1", c.ID, own[c.ID])
		}
	}
	if want := [][]string{trillion, aspiring}; !slices.EqualFunc(parts, want, slices.Equal) {
		t.Errorf("parts' cities: got %v, want %v (the trillion-yuan cities, then the aspirants)", parts, want)
	}
}

// quoted finds text in Chinese quotation marks and title marks.
var quoted = regexp.MustCompile(`“[^“”]+”|《[^《》]+》`)

// TestQuotesInArticle checks that whatever the Chinese text puts in “” or
// 《》 is quoted exactly from the article.
func TestQuotesInArticle(t *testing.T) {
	text := article(t)
	n := 0
	for _, tx := range texts() {
		for _, q := range quoted.FindAllString(tx.text.Zh, -1) {
			n++
			if !strings.Contains(text, strings.Trim(q, "“”《》")) {
				t.Errorf("%s.Zh quotes %s: got no match in the article, want it verbatim", tx.where, q)
			}
		}
	}
	if n < 10 {
		t.Errorf("got %d quotations, want the story's names and slogans checked (10 or more)", n)
	}
}

// number finds the numbers of a text: "10074.1", "2025", "5+2".
var number = regexp.MustCompile(`[0-9][0-9.+]*`)

// TestNumbersInArticle checks that every number of the Chinese text is one
// the article prints.
func TestNumbersInArticle(t *testing.T) {
	text := article(t)
	for _, tx := range texts() {
		for _, n := range number.FindAllString(tx.text.Zh, -1) {
			n = strings.TrimRight(n, ".")
			if !strings.Contains(text, n) {
				t.Errorf("%s.Zh: number %q is not in the article", tx.where, n)
			}
		}
	}
}

var (
	zhDate = regexp.MustCompile(`([0-9]{1,2})月([0-9]{1,2})日(?:至([0-9]{1,2})日)?`)
	enDate = regexp.MustCompile(`([0-9]{1,2})(?: to ([0-9]{1,2}))? (January|February|March|April|May|June|July|August|September|October|November|December)`)
)

// TestDatesInText checks the days the text names against package data:
// every day in a section's text is a date of its cities' initiatives, and
// every such date is in the text, in both languages.
func TestDatesInText(t *testing.T) {
	for _, s := range Sections {
		t.Run(s.ID, func(t *testing.T) {
			want := map[Date]bool{}
			for _, d := range s.Dates() {
				want[d] = true
			}
			day := func(month, d string) string {
				tm, err := time.Parse("1 2 2006", fmt.Sprintf("%s %s %d", month, d, data.Source.Year))
				if err != nil {
					tm, err = time.Parse("January 2 2006", fmt.Sprintf("%s %s %d", month, d, data.Source.Year))
				}
				if err != nil {
					t.Fatalf("date %s %s: %v", month, d, err)
				}
				return tm.Format(time.DateOnly)
			}
			for lang, found := range map[string][]Date{
				"Zh": datesIn(s, data.Zh, zhDate, 1, 2, 3, day),
				"En": datesIn(s, data.En, enDate, 3, 1, 2, day),
			} {
				seen := map[Date]bool{}
				for _, d := range found {
					seen[d] = true
					if !want[d] {
						t.Errorf("%s text names %v, which is no date of %v's initiatives in data", lang, d, s.Cities)
					}
				}
				for d := range want {
					if !seen[d] {
						t.Errorf("%s text does not name %v, a date of %v's initiatives", lang, d, s.Cities)
					}
				}
			}
		})
	}
}

// datesIn finds the dates pattern re names in one language of s's
// paragraphs in language l; month, start and end are the submatches holding the month,
// the first day and the optional last day.
func datesIn(s Section, l data.Lang, re *regexp.Regexp, month, start, end int, day func(month, d string) string) []Date {
	var out []Date
	for _, p := range s.Paras {
		for _, m := range re.FindAllStringSubmatch(p.In(l), -1) {
			d := Date{Start: day(m[month], m[start])}
			if m[end] != "" {
				d.End = day(m[month], m[end])
			}
			out = append(out, d)
		}
	}
	return out
}

func TestDateText(t *testing.T) {
	tests := []struct {
		d      Date
		zh, en string
	}{
		{Date{"2024-02-18", ""}, "2024年2月18日", "18 February 2024"},
		{Date{"2024-03-14", "2024-03-16"}, "2024年3月14日至16日", "14–16 March 2024"},
		{Date{"2024-02-28", "2024-03-02"}, "2024年2月28日至3月2日", "28 February – 2 March 2024"},
	}
	for _, tc := range tests {
		if got := tc.d.Text(data.Zh); got != tc.zh {
			t.Errorf("%v in Chinese: got %q, want %q", tc.d, got, tc.zh)
		}
		if got := tc.d.Text(data.En); got != tc.en {
			t.Errorf("%v in English: got %q, want %q", tc.d, got, tc.en)
		}
	}
}

var (
	idAttr   = regexp.MustCompile(`\sid="([^"]+)"`)
	hrefAttr = regexp.MustCompile(`\shref="([^"]+)"`)
	timeAttr = regexp.MustCompile(`<time datetime="([^"]+)">`)
	zhSpan   = regexp.MustCompile(`<span lang="zh-Hans">[^<]*</span>`)
	mapImg   = regexp.MustCompile(`<svg class="story-map" id="map-([a-z]+)"[^>]* role="img" aria-labelledby="map-[a-z]+-title"><title id="map-[a-z]+-title">[^<]+</title>`)
)

// TestMain checks the markup of both languages: one section and one
// labelled map per section, unique ids, every in-page link and every use
// of a shape pointing at an id of the page, city links to the city pages
// under the base path, and the dates of package data.
func TestMainMarkup(t *testing.T) {
	for _, l := range data.Langs {
		t.Run(string(l), func(t *testing.T) {
			m, err := Main(l, "/base")
			if err != nil {
				t.Fatal(err)
			}
			ids := map[string]bool{}
			for _, id := range idAttr.FindAllStringSubmatch(m, -1) {
				if ids[id[1]] {
					t.Errorf("id %q: got it twice, want unique", id[1])
				}
				ids[id[1]] = true
			}
			var maps []string
			for _, mm := range mapImg.FindAllStringSubmatch(m, -1) {
				maps = append(maps, mm[1])
			}
			var want []string
			var dates []string
			for _, s := range Sections {
				want = append(want, s.ID)
				if !strings.Contains(m, `<section id="s-`+s.ID+`" class="story-step`) {
					t.Errorf("no section s-%s", s.ID)
				}
				for _, d := range s.Dates() {
					dates = append(dates, d.Start)
				}
			}
			if !slices.Equal(maps, want) {
				t.Errorf("labelled maps: got %v, want one per section %v", maps, want)
			}
			var gotDates []string
			for _, d := range timeAttr.FindAllStringSubmatch(m, -1) {
				gotDates = append(gotDates, d[1])
			}
			if !slices.Equal(gotDates, dates) {
				t.Errorf("<time> dates: got %v, want %v", gotDates, dates)
			}
			for _, h := range hrefAttr.FindAllStringSubmatch(m, -1) {
				switch ref := h[1]; {
				case strings.HasPrefix(ref, "#"):
					if !ids[ref[1:]] {
						t.Errorf("href %q: no such id in the page", ref)
					}
				case strings.HasPrefix(ref, "/base/"):
					id := ref[strings.LastIndex(ref, "/")+1:]
					if _, ok := data.CityByID(id); !ok || !strings.Contains(ref, "/city/") {
						t.Errorf("href %q: want a city page of data", ref)
					}
				default:
					t.Errorf("href %q: want an anchor or a city page under the base path", ref)
				}
			}
			if l == data.En {
				rest := zhSpan.ReplaceAllString(m, "")
				if i := strings.IndexFunc(rest, func(r rune) bool { return unicode.Is(unicode.Han, r) }); i >= 0 {
					t.Errorf("English page: Chinese outside <span lang=\"zh-Hans\"> at %q", rest[max(0, i-40):min(len(rest), i+20)])
				}
				if !strings.Contains(m, `<span lang="zh-Hans">东方空间</span>`) {
					t.Error(`English page: 东方空间 is not marked lang="zh-Hans"`)
				}
			}
		})
	}
}
