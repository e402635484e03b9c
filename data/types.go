package data

// Lang is a content language.
type Lang string

// The two languages the product is written in. Chinese is the default.
const (
	Zh Lang = "zh"
	En Lang = "en"
)

// Langs lists the supported languages, default first.
var Langs = []Lang{Zh, En}

// HTMLLang is the BCP 47 tag for an HTML lang attribute.
func (l Lang) HTMLLang() string {
	if l == En {
		return "en"
	}
	return "zh-Hans"
}

// Text is a string written in both languages.
type Text struct {
	Zh string
	En string
}

// In returns the text in language l (Chinese for any unknown language).
func (t Text) In(l Lang) string {
	if l == En {
		return t.En
	}
	return t.Zh
}

// Status says how the article places a city.
type Status int

// City statuses.
const (
	// NotCovered: the article does not report on this city.
	NotCovered Status = iota
	// Trillion: the article names the city among those whose GDP passed one trillion yuan.
	Trillion
	// Aspiring: the article names the city among those that have set a trillion target.
	Aspiring
)

// City is one of Jiangsu's 13 prefecture-level cities.
type City struct {
	// ID is the stable, lower-case ASCII identifier used in URLs.
	ID     string
	Name   Text
	Status Status
	// Target is the trillion-yuan goal as the article states it (aspiring cities only).
	Target Text
	// Lead is a one- or two-sentence overview, written by us from the article.
	Lead        Text
	Initiatives []Initiative
}

// Covered reports whether the article reports on the city.
func (c City) Covered() bool { return c.Status != NotCovered }

// Initiative is one action or plan the article reports for a city.
type Initiative struct {
	// Date is the day the article gives, as YYYY-MM-DD, or "" when it gives none.
	Date string
	// EndDate closes a span of days (YYYY-MM-DD), or is "".
	EndDate string
	Title   Text
	Summary Text
	Themes  []ThemeID
	Figures []Figure
	// Quotes are the article's own sentences the initiative is based on,
	// each copied verbatim (whitespace aside: the page scan's line breaks
	// and stray spaces are left out), in the article's order. Readers can
	// open them under the summary; every initiative has at least one.
	Quotes []string
}

// Figure is a number, ranking, goal or programme name quoted exactly from the article.
type Figure struct {
	// Value appears verbatim in the article (whitespace aside), e.g. "10074.1亿元" or "343".
	Value string
	// En is Value as an English reader reads it ("1,007.41 billion yuan
	// (about 1.01 trillion)" for "10074.1亿元", "6th" for "第六"), shown on
	// English pages beside the verbatim Value. It is "" when Value already
	// reads as English ("343", "5+X", "20%"); Validate requires it for
	// every Value with any other character.
	En string
	// Label says what the value is, in both languages.
	Label Text
}

// In returns the figure as a reader of language l reads it: En on English
// pages when there is one, otherwise Value.
func (f Figure) In(l Lang) string {
	if l == En && f.En != "" {
		return f.En
	}
	return f.Value
}

// readsAsEnglish reports whether s needs no English rendering: ASCII
// letters, digits and signs only, as in "343", "5+X" or "20%".
func readsAsEnglish(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// ThemeID identifies a theme from the fixed list in Themes.
type ThemeID string

// Theme is a topic that initiatives share.
type Theme struct {
	ID   ThemeID
	Name Text
}
