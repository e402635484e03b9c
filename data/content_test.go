package data

import (
	"crypto/sha256"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// articlePath is the source article: its printed headline on the first
// line, then the page scan's text exactly as the article was handed to us
// (see TestArticleFile).
const articlePath = "testdata/article.txt"

var wantIDs = []string{
	"suzhou", "nanjing", "wuxi", "nantong", "changzhou",
	"xuzhou", "yangzhou", "yancheng",
	"lianyungang", "huaian", "zhenjiang", "taizhou", "suqian",
}

// stripSpace removes all white space, which the page scan scatters through
// the article's lines.
func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// readArticle returns the source article's title line and its text.
func readArticle(t *testing.T) (title, body string) {
	t.Helper()
	b, err := os.ReadFile(articlePath)
	if err != nil {
		t.Fatalf("reading the source article: %v", err)
	}
	title, body, ok := strings.Cut(string(b), "\n")
	if !ok {
		t.Fatalf("%s has no title line", articlePath)
	}
	return title, body
}

// article returns the source article's text, without the title line (so
// that the headline checks look at the printed page), with all white space
// removed.
func article(t *testing.T) string {
	t.Helper()
	_, body := readArticle(t)
	return stripSpace(body)
}

// articleSHA256 is the SHA-256 of the article's text as handed to us
// (../shared/seed/000_f8ec59bd59ec0566.txt, outside the repository).
const articleSHA256 = "dc1a55403bc9b12ca97100b5bbc8aa191a93723ad1c295f679d5791aa3a279e1"

// TestArticleFile checks the file the fidelity tests read: the headline on
// its first line, then the article's text unchanged, with the headline
// printed in it.
func TestArticleFile(t *testing.T) {
	title, body := readArticle(t)
	if title != Source.Headline.Zh {
		t.Errorf("first line %q, want the headline %q", title, Source.Headline.Zh)
	}
	if sum := fmt.Sprintf("%x", sha256.Sum256([]byte(body))); sum != articleSHA256 {
		t.Errorf("the article's text has SHA-256 %s, want %s (the text as handed to us)", sum, articleSHA256)
	}
	if n := utf8.RuneCountInString(stripSpace(body)); n < 2000 {
		t.Errorf("the article's text has %d characters besides white space, want the whole article", n)
	}
	if !strings.Contains(stripSpace(body), stripSpace(title)) {
		t.Errorf("the headline %q is not printed in the article's text", title)
	}
}

// namedText is one text of the content with a path naming where it sits.
type namedText struct {
	path string
	text Text
}

// cityTexts lists every text of c that must be written in both languages.
func cityTexts(c City) []namedText {
	out := []namedText{{c.ID + ".Name", c.Name}}
	if c.Covered() {
		out = append(out, namedText{c.ID + ".Lead", c.Lead})
	}
	if c.Status == Aspiring {
		out = append(out, namedText{c.ID + ".Target", c.Target})
	}
	for i, in := range c.Initiatives {
		p := fmt.Sprintf("%s.Initiatives[%d]", c.ID, i)
		out = append(out, namedText{p + ".Title", in.Title}, namedText{p + ".Summary", in.Summary})
		for j, f := range in.Figures {
			out = append(out, namedText{fmt.Sprintf("%s.Figures[%d].Label", p, j), f.Label})
		}
	}
	return out
}

// allTexts lists every text of the package's content.
func allTexts() []namedText {
	var out []namedText
	for _, c := range Cities() {
		out = append(out, cityTexts(c)...)
	}
	for _, th := range Themes() {
		out = append(out, namedText{"theme " + string(th.ID) + ".Name", th.Name})
	}
	out = append(out,
		namedText{"Source.Headline", Source.Headline},
		namedText{"Source.Subheadline", Source.Subheadline},
		namedText{"Source.Note", Source.Note},
	)
	return out
}

func TestCheck(t *testing.T) {
	if err := Check(); err != nil {
		t.Fatalf("Check() = %v, want nil", err)
	}
	for _, c := range Cities() {
		t.Run(c.ID, func(t *testing.T) {
			if err := c.Validate(); err != nil {
				t.Errorf("Validate() = %v, want nil", err)
			}
		})
	}
}

func TestIDs(t *testing.T) {
	got := IDs()
	if !slices.Equal(got, wantIDs) {
		t.Fatalf("IDs() = %q, want %q", got, wantIDs)
	}
	seen := make(map[string]bool)
	for i, c := range Cities() {
		if c.ID != got[i] {
			t.Errorf("Cities()[%d].ID = %q, want %q", i, c.ID, got[i])
		}
		if seen[c.ID] {
			t.Errorf("id %q: got it twice, want unique ids", c.ID)
		}
		seen[c.ID] = true
	}
	if len(seen) != CityCount {
		t.Errorf("got %d unique ids, want %d", len(seen), CityCount)
	}
}

func TestCityByID(t *testing.T) {
	tests := []struct {
		id     string
		wantOK bool
		wantZh string
	}{
		{"suzhou", true, "苏州"},
		{"nanjing", true, "南京"},
		{"huaian", true, "淮安"},
		{"taizhou", true, "泰州"},
		{"suqian", true, "宿迁"},
		{"", false, ""},
		{"Suzhou", false, ""},
		{"SUZHOU", false, ""},
		{" suzhou", false, ""},
		{"../x", false, ""},
		{"苏州", false, ""},
		{"hangzhou", false, ""},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q", tt.id), func(t *testing.T) {
			c, ok := CityByID(tt.id)
			if ok != tt.wantOK {
				t.Fatalf("CityByID(%q) ok = %v, want %v", tt.id, ok, tt.wantOK)
			}
			if !ok {
				if c.ID != "" {
					t.Errorf("CityByID(%q) = city %q, want the zero City", tt.id, c.ID)
				}
				return
			}
			if c.ID != tt.id || c.Name.Zh != tt.wantZh {
				t.Errorf("CityByID(%q) = %q %q, want %q %q", tt.id, c.ID, c.Name.Zh, tt.id, tt.wantZh)
			}
		})
	}
}

func TestAccessorsReturnCopies(t *testing.T) {
	got := Cities()
	got[0].ID = "changed"
	got[0].Initiatives[0].Figures[0].Value = "changed"
	got[0].Initiatives[0].Themes[0] = "changed"
	got[0].Initiatives[0].Quotes[0] = "changed"
	c, _ := CityByID("suzhou")
	c.Initiatives[0].Title.Zh = "changed"
	th := Themes()
	th[0].ID = "changed"
	if err := Check(); err != nil {
		t.Fatalf("after changing the accessors' results, Check() = %v, want nil", err)
	}
	if got, want := IDs()[0], "suzhou"; got != want {
		t.Errorf("IDs()[0] = %q, want %q", got, want)
	}
}

func TestStatuses(t *testing.T) {
	tests := []struct {
		id   string
		want Status
	}{
		{"suzhou", Trillion},
		{"nanjing", Trillion},
		{"wuxi", Trillion},
		{"nantong", Trillion},
		{"changzhou", Trillion},
		{"xuzhou", Aspiring},
		{"yangzhou", Aspiring},
		{"yancheng", Aspiring},
		{"lianyungang", NotCovered},
		{"huaian", NotCovered},
		{"taizhou", NotCovered},
		{"zhenjiang", NotCovered},
		{"suqian", NotCovered},
	}
	if len(tests) != CityCount {
		t.Fatalf("table has %d cities, want %d", len(tests), CityCount)
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			c, ok := CityByID(tt.id)
			if !ok {
				t.Fatalf("CityByID(%q): got no city, want one", tt.id)
			}
			if c.Status != tt.want {
				t.Errorf("Status = %d, want %d", c.Status, tt.want)
			}
			if got, want := c.Covered(), tt.want != NotCovered; got != want {
				t.Errorf("Covered() = %v, want %v", got, want)
			}
			if c.Covered() && len(c.Initiatives) == 0 {
				t.Errorf("got 0 initiatives, want at least 1 for a covered city")
			}
			if !c.Covered() && (len(c.Initiatives) != 0 || c.Lead != (Text{})) {
				t.Errorf("got %d initiatives and Lead %q, want none for a city the article does not cover", len(c.Initiatives), c.Lead)
			}
			if got, want := c.Target != (Text{}), tt.want == Aspiring; got != want {
				t.Errorf("has Target = %v, want %v", got, want)
			}
		})
	}
}

func TestBothLanguages(t *testing.T) {
	for _, nt := range allTexts() {
		t.Run(nt.path, func(t *testing.T) {
			for _, l := range Langs {
				s := nt.text.In(l)
				if s == "" {
					t.Errorf("%s text is empty, want text", l)
				}
				if strings.TrimSpace(s) != s {
					t.Errorf("%s text = %q, want no leading or trailing whitespace", l, s)
				}
			}
			if !hasHan(nt.text.Zh) {
				t.Errorf("Zh = %q, want Chinese text", nt.text.Zh)
			}
		})
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func TestDates(t *testing.T) {
	first := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	last := time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)
	for _, c := range Cities() {
		var prev time.Time
		for i, in := range c.Initiatives {
			t.Run(fmt.Sprintf("%s/%d", c.ID, i+1), func(t *testing.T) {
				for _, d := range []struct{ field, value string }{{"Date", in.Date}, {"EndDate", in.EndDate}} {
					if d.value == "" {
						continue
					}
					got, err := time.Parse(dateLayout, d.value)
					if err != nil {
						t.Fatalf("%s %q: got parse error %v, want a real date", d.field, d.value, err)
					}
					if got.Before(first) || got.After(last) {
						t.Errorf("%s = %s, want a day in 2024", d.field, d.value)
					}
				}
				if in.EndDate != "" && in.Date == "" {
					t.Errorf("EndDate = %q with no Date, want a Date too", in.EndDate)
				}
				if in.Date == "" {
					return
				}
				d, _ := time.Parse(dateLayout, in.Date)
				if d.Before(prev) {
					t.Errorf("Date = %s after an initiative dated %s, want dated initiatives in date order", in.Date, prev.Format(dateLayout))
				}
				prev = d
			})
		}
	}
}

func TestFiguresInArticle(t *testing.T) {
	text := article(t)
	n := 0
	for _, c := range Cities() {
		for i, in := range c.Initiatives {
			for j, f := range in.Figures {
				n++
				t.Run(fmt.Sprintf("%s/%d/%d", c.ID, i+1, j+1), func(t *testing.T) {
					v := stripSpace(f.Value)
					if v == "" {
						t.Fatalf("Value = %q, want a non-empty value", f.Value)
					}
					if !strings.Contains(text, v) {
						t.Errorf("Value %q: got no match in the article, want it verbatim (whitespace aside)", f.Value)
					}
				})
			}
		}
	}
	if n == 0 {
		t.Errorf("got 0 figures, want some")
	}
}

// TestFigureEnglish checks what English readers see of each figure: an
// English rendering wherever the verbatim value is not English already,
// with no Chinese left in it, and the verbatim value on Chinese pages.
func TestFigureEnglish(t *testing.T) {
	for _, c := range Cities() {
		for i, in := range c.Initiatives {
			for j, f := range in.Figures {
				t.Run(fmt.Sprintf("%s/%d/%d", c.ID, i+1, j+1), func(t *testing.T) {
					if got := f.In(Zh); got != f.Value {
						t.Errorf("In(Zh) = %q, want the verbatim Value %q", got, f.Value)
					}
					en := f.In(En)
					if hasHan(en) || !readsAsEnglish(strings.NewReplacer("–", "", "’", "").Replace(en)) {
						t.Errorf("In(En) = %q, want English (ASCII, en dashes and apostrophes only)", en)
					}
					if f.En == "" && en != f.Value {
						t.Errorf("In(En) = %q with no En, want the Value %q", en, f.Value)
					}
				})
			}
		}
	}
}

// TestInitiativeQuotes checks the source sentences behind every
// initiative: there is at least one, each is a whole sentence of the
// article, verbatim (whitespace aside), and together they hold every
// figure and date the initiative states.
func TestInitiativeQuotes(t *testing.T) {
	text := article(t)
	n := 0
	for _, c := range Cities() {
		for i, in := range c.Initiatives {
			t.Run(fmt.Sprintf("%s/%d", c.ID, i+1), func(t *testing.T) {
				if len(in.Quotes) == 0 {
					t.Fatalf("Quotes is empty, want at least one sentence from the article")
				}
				n++
				for j, q := range in.Quotes {
					sq := stripSpace(q)
					k := strings.Index(text, sq)
					if k < 0 {
						t.Errorf("Quotes[%d] = %q: got no match in the article, want it verbatim (whitespace aside)", j, q)
						continue
					}
					if end, _ := utf8.DecodeLastRuneInString(sq); end != '。' {
						t.Errorf("Quotes[%d] ends in %q, want a whole sentence (ending in 。)", j, end)
					}
					if before, _ := utf8.DecodeLastRuneInString(text[:k]); k > 0 && !strings.ContainsRune("。？", before) {
						t.Errorf("Quotes[%d] = %q follows %q in the article, want a whole sentence", j, q, before)
					}
				}
				all := stripSpace(strings.Join(in.Quotes, ""))
				for j, f := range in.Figures {
					if !strings.Contains(all, stripSpace(f.Value)) {
						t.Errorf("figure %d %q: got it in no quote, want the quotes to hold it", j+1, f.Value)
					}
				}
				if in.Date != "" {
					d, err := articleDate(in)
					if err != nil {
						t.Fatal(err)
					}
					if !strings.Contains(all, d) {
						t.Errorf("Date %q: got no %q in the quotes, want the quotes to hold it", in.Date, d)
					}
				}
			})
		}
	}
	t.Logf("%d initiatives with quotes", n)
}

// articleDate is how the article writes a date: "3月14日", or for a span
// within one month "3月14日至16日".
func articleDate(in Initiative) (string, error) {
	d, err := time.Parse(dateLayout, in.Date)
	if err != nil {
		return "", err
	}
	s := fmt.Sprintf("%d月%d日", int(d.Month()), d.Day())
	if in.EndDate == "" {
		return s, nil
	}
	e, err := time.Parse(dateLayout, in.EndDate)
	if err != nil {
		return "", err
	}
	if e.Month() == d.Month() {
		return fmt.Sprintf("%s至%d日", s, e.Day()), nil
	}
	return fmt.Sprintf("%s至%d月%d日", s, int(e.Month()), e.Day()), nil
}

func TestDatesInArticle(t *testing.T) {
	text := article(t)
	for _, c := range Cities() {
		for i, in := range c.Initiatives {
			if in.Date == "" {
				continue
			}
			t.Run(fmt.Sprintf("%s/%d", c.ID, i+1), func(t *testing.T) {
				want, err := articleDate(in)
				if err != nil {
					t.Fatalf("Date %q/EndDate %q: %v", in.Date, in.EndDate, err)
				}
				if !strings.Contains(text, want) {
					t.Errorf("Date %q, EndDate %q: got no %q in the article, want it there", in.Date, in.EndDate, want)
				}
				if !strings.Contains(in.Summary.Zh, want) {
					t.Errorf("Summary.Zh = %q, want it to give the date as %q", in.Summary.Zh, want)
				}
			})
		}
	}
}

// quoted finds text in Chinese quotation marks and title marks.
var quoted = regexp.MustCompile(`“[^“”]+”|《[^《》]+》`)

// TestQuotesInArticle checks that whatever the Chinese texts put in “” or 《》
// is quoted exactly from the article.
func TestQuotesInArticle(t *testing.T) {
	text := article(t)
	for _, nt := range allTexts() {
		for _, q := range quoted.FindAllString(nt.text.Zh, -1) {
			inner := stripSpace(strings.Trim(q, "“”《》"))
			if !strings.Contains(text, inner) {
				t.Errorf("%s.Zh quotes %s: got no match in the article, want it verbatim", nt.path, q)
			}
		}
	}
}

func TestSourceHeadlines(t *testing.T) {
	if Source.Year != 2024 {
		t.Errorf("Year = %d, want 2024", Source.Year)
	}
	text := article(t)
	for _, h := range []namedText{{"Headline", Source.Headline}, {"Subheadline", Source.Subheadline}} {
		t.Run(h.path, func(t *testing.T) {
			if !strings.Contains(text, stripSpace(h.text.Zh)) {
				t.Errorf("Zh = %q: got no match in the article, want the printed headline", h.text.Zh)
			}
			if hasHan(h.text.En) || strings.ContainsAny(h.text.En, "“”") {
				t.Errorf("En = %q, want our English translation alone (no Chinese; the credit adds the quotation marks)", h.text.En)
			}
		})
	}
}

func TestThemes(t *testing.T) {
	used := make(map[ThemeID]int)
	for _, c := range Cities() {
		for _, in := range c.Initiatives {
			for _, id := range in.Themes {
				used[id]++
			}
		}
	}
	for _, th := range Themes() {
		t.Run(string(th.ID), func(t *testing.T) {
			got, ok := ThemeByID(th.ID)
			if !ok || got != th {
				t.Errorf("ThemeByID(%q) = %v, %v, want %v, true", th.ID, got, ok, th)
			}
			if used[th.ID] == 0 {
				t.Errorf("got 0 initiatives with theme %q, want at least 1", th.ID)
			}
		})
	}
	for _, id := range []ThemeID{"", "Green", "unknown"} {
		if got, ok := ThemeByID(id); ok {
			t.Errorf("ThemeByID(%q) = %v, true, want false", id, got)
		}
	}
}

// initiative returns a pointer to initiative n (1-based) of the city id in cs.
func initiative(t *testing.T, cs []City, id string, n int) *Initiative {
	t.Helper()
	c := city(t, cs, id)
	if n < 1 || n > len(c.Initiatives) {
		t.Fatalf("city %q has %d initiatives, want at least %d", id, len(c.Initiatives), n)
	}
	return &c.Initiatives[n-1]
}

// city returns a pointer to the city id in cs.
func city(t *testing.T, cs []City, id string) *City {
	t.Helper()
	for i := range cs {
		if cs[i].ID == id {
			return &cs[i]
		}
	}
	t.Fatalf("got no city %q, want one", id)
	return nil
}

func TestValidateBroken(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(t *testing.T, cs []City)
		// want is what one line of the error must contain.
		want []string
	}{
		{
			name:   "empty En summary",
			mutate: func(t *testing.T, cs []City) { initiative(t, cs, "yancheng", 2).Summary.En = "" },
			want:   []string{`data: city "yancheng": initiative 2: Summary.En is empty`},
		},
		{
			name:   "bad date",
			mutate: func(t *testing.T, cs []City) { initiative(t, cs, "xuzhou", 1).Date = "2024-02-30" },
			want:   []string{`data: city "xuzhou": initiative 1: Date "2024-02-30" is not a real date`},
		},
		{
			name:   "date in another form",
			mutate: func(t *testing.T, cs []City) { initiative(t, cs, "nanjing", 1).Date = "2024-3-14" },
			want:   []string{`city "nanjing"`, `Date "2024-3-14"`},
		},
		{
			name:   "duplicate id",
			mutate: func(t *testing.T, cs []City) { city(t, cs, "suqian").ID = "suzhou" },
			want:   []string{`city "suzhou"`, "ID is a duplicate"},
		},
		{
			name:   "upper-case id",
			mutate: func(t *testing.T, cs []City) { city(t, cs, "wuxi").ID = "Wuxi" },
			want:   []string{`city "Wuxi"`, "ID is not"},
		},
		{
			name:   "empty id",
			mutate: func(t *testing.T, cs []City) { city(t, cs, "huaian").ID = "" },
			want:   []string{`city ""`, "ID is not"},
		},
		{
			name: "unknown theme",
			mutate: func(t *testing.T, cs []City) {
				in := initiative(t, cs, "nanjing", 1)
				in.Themes = append(in.Themes, "drones")
			},
			want: []string{`city "nanjing"`, "initiative 1", `Themes[1] "drones" is not a known theme`},
		},
		{
			name:   "no themes",
			mutate: func(t *testing.T, cs []City) { initiative(t, cs, "suzhou", 2).Themes = nil },
			want:   []string{`city "suzhou"`, "initiative 2", "Themes is empty"},
		},
		{
			name:   "covered city without initiatives",
			mutate: func(t *testing.T, cs []City) { city(t, cs, "changzhou").Initiatives = nil },
			want:   []string{`city "changzhou"`, "Initiatives is empty"},
		},
		{
			name:   "covered city without lead",
			mutate: func(t *testing.T, cs []City) { city(t, cs, "nantong").Lead.Zh = "" },
			want:   []string{`city "nantong"`, "Lead.Zh is empty"},
		},
		{
			name:   "EndDate before Date",
			mutate: func(t *testing.T, cs []City) { initiative(t, cs, "yangzhou", 4).EndDate = "2024-03-13" },
			want:   []string{`city "yangzhou"`, "initiative 4", `EndDate "2024-03-13" is before Date`},
		},
		{
			name: "EndDate without Date",
			mutate: func(t *testing.T, cs []City) {
				in := initiative(t, cs, "yangzhou", 4)
				in.Date = ""
			},
			want: []string{`city "yangzhou"`, "initiative 4", "EndDate", "without a Date"},
		},
		{
			name:   "aspiring city without English target",
			mutate: func(t *testing.T, cs []City) { city(t, cs, "xuzhou").Target.En = "" },
			want:   []string{`city "xuzhou"`, "Target.En is empty"},
		},
		{
			name:   "target on a trillion city",
			mutate: func(t *testing.T, cs []City) { city(t, cs, "suzhou").Target = Text{Zh: "目标", En: "Goal"} },
			want:   []string{`city "suzhou"`, "Target is set"},
		},
		{
			name:   "lead on a city not covered",
			mutate: func(t *testing.T, cs []City) { city(t, cs, "zhenjiang").Lead = Text{Zh: "概况", En: "Overview"} },
			want:   []string{`city "zhenjiang"`, "Lead is set"},
		},
		{
			name: "initiative on a city not covered",
			mutate: func(t *testing.T, cs []City) {
				c := city(t, cs, "taizhou")
				c.Initiatives = append(c.Initiatives, cs[0].Initiatives[0])
			},
			want: []string{`city "taizhou"`, "Initiatives has 1 entries"},
		},
		{
			name:   "empty figure value",
			mutate: func(t *testing.T, cs []City) { initiative(t, cs, "yangzhou", 3).Figures[2].Value = "" },
			want:   []string{`city "yangzhou"`, "initiative 3: figure 3: Value is empty"},
		},
		{
			name:   "Chinese figure without English",
			mutate: func(t *testing.T, cs []City) { initiative(t, cs, "yancheng", 1).Figures[0].En = "" },
			want:   []string{`city "yancheng"`, `initiative 1: figure 1: En is empty, but Value "10074.1亿元" does not read as English`},
		},
		{
			name:   "figure English with a line break",
			mutate: func(t *testing.T, cs []City) { initiative(t, cs, "suzhou", 1).Figures[0].En = "6th\nplace" },
			want:   []string{`city "suzhou"`, "initiative 1: figure 1: En contains a line break"},
		},
		{
			name:   "no quotes",
			mutate: func(t *testing.T, cs []City) { initiative(t, cs, "wuxi", 1).Quotes = nil },
			want:   []string{`city "wuxi"`, "initiative 1: Quotes is empty"},
		},
		{
			name:   "empty quote",
			mutate: func(t *testing.T, cs []City) { initiative(t, cs, "changzhou", 1).Quotes[1] = "" },
			want:   []string{`city "changzhou"`, "initiative 1: Quotes[1] is empty"},
		},
		{
			name:   "empty figure label",
			mutate: func(t *testing.T, cs []City) { initiative(t, cs, "suzhou", 1).Figures[0].Label.Zh = "" },
			want:   []string{`city "suzhou"`, "initiative 1: figure 1: Label.Zh is empty"},
		},
		{
			name:   "title with trailing space",
			mutate: func(t *testing.T, cs []City) { initiative(t, cs, "wuxi", 1).Title.En += " " },
			want:   []string{`city "wuxi"`, "initiative 1: Title.En has leading or trailing whitespace"},
		},
		{
			name:   "summary with a line break",
			mutate: func(t *testing.T, cs []City) { initiative(t, cs, "nantong", 1).Summary.Zh += "\n第二行" },
			want:   []string{`city "nantong"`, "initiative 1: Summary.Zh contains a line break"},
		},
		{
			name:   "empty English name",
			mutate: func(t *testing.T, cs []City) { city(t, cs, "lianyungang").Name.En = "" },
			want:   []string{`city "lianyungang"`, "Name.En is empty"},
		},
		{
			name:   "unknown status",
			mutate: func(t *testing.T, cs []City) { city(t, cs, "suqian").Status = 7 },
			want:   []string{`city "suqian"`, "Status 7"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := Cities()
			tt.mutate(t, cs)
			err := Validate(cs, Themes())
			if err == nil {
				t.Fatalf("Validate() = nil, want an error containing %q", tt.want)
			}
			if !anyLineHasAll(err.Error(), tt.want) {
				t.Errorf("Validate() = %q, want a line containing %q", err, tt.want)
			}
		})
	}
	if err := Validate(Cities(), Themes()); err != nil {
		t.Fatalf("after the broken copies, Validate(Cities(), Themes()) = %v, want nil", err)
	}
}

func TestValidateBrokenLists(t *testing.T) {
	tests := []struct {
		name   string
		cities func() []City
		themes func() []Theme
		want   []string
	}{
		{
			name:   "twelve cities",
			cities: func() []City { return Cities()[:12] },
			themes: Themes,
			want:   []string{"got 12 cities, want 13"},
		},
		{
			name:   "unused theme",
			cities: Cities,
			themes: func() []Theme { return append(Themes(), Theme{ID: "tourism", Name: Text{Zh: "文旅", En: "Tourism"}}) },
			want:   []string{`theme 13 "tourism"`, "not used"},
		},
		{
			name:   "duplicate theme",
			cities: Cities,
			themes: func() []Theme { return append(Themes(), Themes()[0]) },
			want:   []string{`theme 13 "low-altitude"`, "ID is a duplicate"},
		},
		{
			name:   "theme without English name",
			cities: Cities,
			themes: func() []Theme { th := Themes(); th[2].Name.En = ""; return th },
			want:   []string{`theme 3 "computing"`, "Name.En is empty"},
		},
		{
			name:   "missing theme",
			cities: Cities,
			themes: func() []Theme { return Themes()[1:] },
			want:   []string{`city "nanjing"`, `"low-altitude" is not a known theme`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Validate(tt.cities(), tt.themes())
			if err == nil {
				t.Fatalf("Validate() = nil, want an error containing %q", tt.want)
			}
			if !anyLineHasAll(err.Error(), tt.want) {
				t.Errorf("Validate() = %q, want a line containing %q", err, tt.want)
			}
		})
	}
}

func TestCityValidateBroken(t *testing.T) {
	c, _ := CityByID("xuzhou")
	c.Initiatives[3].EndDate = "2024-02-31"
	err := c.Validate()
	want := []string{`city "xuzhou"`, `initiative 4: EndDate "2024-02-31" is not a real date`}
	if err == nil || !anyLineHasAll(err.Error(), want) {
		t.Errorf("City.Validate() = %v, want a line containing %q", err, want)
	}
}

func TestErrorsJoinAll(t *testing.T) {
	cs := Cities()
	initiative(t, cs, "yancheng", 2).Summary.En = ""
	initiative(t, cs, "xuzhou", 1).Date = "2024-02-30"
	err := Validate(cs, Themes())
	if err == nil {
		t.Fatal("Validate() = nil, want two problems")
	}
	if got := len(strings.Split(err.Error(), "\n")); got != 2 {
		t.Errorf("Validate() reported %d problems (%q), want 2", got, err)
	}
}

// anyLineHasAll reports whether one line of msg contains every string in want.
func anyLineHasAll(msg string, want []string) bool {
	for _, line := range strings.Split(msg, "\n") {
		ok := true
		for _, w := range want {
			if !strings.Contains(line, w) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
