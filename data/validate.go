package data

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// CityCount is the number of prefecture-level cities in Jiangsu.
const CityCount = 13

// dateLayout is the form of Initiative.Date and Initiative.EndDate.
const dateLayout = "2006-01-02"

// Check validates the package's own content: the cities, the themes and the
// source credit. The build tools call it and stop on a non-nil error, whose
// message names every broken city and field.
func Check() error {
	return errors.Join(Validate(cities, themes), validateSource(Source))
}

// Validate checks cities against themes and returns every problem found,
// joined with errors.Join, or nil. Each message names the city (or theme)
// and the field, for example:
//
//	data: city "yancheng": initiative 2: Summary.En is empty
//
// It checks that there are 13 cities with unique, lower-case ASCII ids and
// unique names, that each city is valid (see City.ValidateThemes), that the
// theme list is well formed, and that every theme is used at least once.
func Validate(cities []City, themes []Theme) error {
	var errs []error
	if len(cities) != CityCount {
		errs = append(errs, fmt.Errorf("data: got %d cities, want %d", len(cities), CityCount))
	}

	known := make(map[ThemeID]bool, len(themes))
	for i, t := range themes {
		where := fmt.Sprintf("data: theme %d %q", i+1, t.ID)
		if !validID(string(t.ID)) {
			errs = append(errs, fmt.Errorf("%s: ID is not a non-empty lower-case ASCII id", where))
		}
		if known[t.ID] {
			errs = append(errs, fmt.Errorf("%s: ID is a duplicate", where))
		}
		known[t.ID] = true
		errs = append(errs, checkText(where, "Name", t.Name)...)
	}

	firstID := make(map[string]int)
	firstZh := make(map[string]int)
	firstEn := make(map[string]int)
	used := make(map[ThemeID]bool)
	for i, c := range cities {
		where := fmt.Sprintf("data: city %q", c.ID)
		if j, ok := firstID[c.ID]; ok {
			errs = append(errs, fmt.Errorf("%s: ID is a duplicate (cities %d and %d)", where, j+1, i+1))
		} else {
			firstID[c.ID] = i
		}
		if j, ok := firstZh[c.Name.Zh]; ok && c.Name.Zh != "" {
			errs = append(errs, fmt.Errorf("%s: Name.Zh %q is a duplicate (cities %d and %d)", where, c.Name.Zh, j+1, i+1))
		} else {
			firstZh[c.Name.Zh] = i
		}
		if j, ok := firstEn[c.Name.En]; ok && c.Name.En != "" {
			errs = append(errs, fmt.Errorf("%s: Name.En %q is a duplicate (cities %d and %d)", where, c.Name.En, j+1, i+1))
		} else {
			firstEn[c.Name.En] = i
		}
		errs = append(errs, c.validate(known)...)
		for _, in := range c.Initiatives {
			for _, id := range in.Themes {
				used[id] = true
			}
		}
	}

	for i, t := range themes {
		if !used[t.ID] {
			errs = append(errs, fmt.Errorf("data: theme %d %q: ID is not used by any initiative", i+1, t.ID))
		}
	}
	return errors.Join(errs...)
}

// Validate checks one city on its own, against the package's theme list, and
// returns every problem found, joined, or nil.
func (c City) Validate() error {
	return c.ValidateThemes(themes)
}

// ValidateThemes checks one city on its own against the given theme list:
//   - the id is a non-empty lower-case ASCII id and the name is in both
//     languages;
//   - a covered city has a Lead and at least one initiative, an aspiring
//     city has a Target, and neither is set where the status does not call
//     for it;
//   - every initiative has a Title and Summary in both languages, at least
//     one known theme, listed once, and real YYYY-MM-DD dates, with an
//     EndDate only together with a Date and not before it;
//   - every figure has a Value, an En unless the Value reads as English
//     already (see Figure.En), and a Label in both languages;
//   - every initiative has at least one quote;
//   - no text has leading or trailing whitespace.
func (c City) ValidateThemes(themes []Theme) error {
	known := make(map[ThemeID]bool, len(themes))
	for _, t := range themes {
		known[t.ID] = true
	}
	return errors.Join(c.validate(known)...)
}

func (c City) validate(known map[ThemeID]bool) []error {
	where := fmt.Sprintf("data: city %q", c.ID)
	var errs []error
	if !validID(c.ID) {
		errs = append(errs, fmt.Errorf("%s: ID is not a non-empty lower-case ASCII id", where))
	}
	errs = append(errs, checkText(where, "Name", c.Name)...)

	switch c.Status {
	case NotCovered, Trillion, Aspiring:
	default:
		errs = append(errs, fmt.Errorf("%s: Status %d is not a known status", where, c.Status))
	}

	if c.Status == Aspiring {
		errs = append(errs, checkText(where, "Target", c.Target)...)
	} else if c.Target != (Text{}) {
		errs = append(errs, fmt.Errorf("%s: Target is set, but only aspiring cities have one", where))
	}

	if c.Covered() {
		errs = append(errs, checkText(where, "Lead", c.Lead)...)
		if len(c.Initiatives) == 0 {
			errs = append(errs, fmt.Errorf("%s: Initiatives is empty, but the city is covered", where))
		}
	} else {
		if c.Lead != (Text{}) {
			errs = append(errs, fmt.Errorf("%s: Lead is set, but the city is not covered", where))
		}
		if len(c.Initiatives) > 0 {
			errs = append(errs, fmt.Errorf("%s: Initiatives has %d entries, but the city is not covered", where, len(c.Initiatives)))
		}
	}

	for i, in := range c.Initiatives {
		errs = append(errs, in.validate(fmt.Sprintf("%s: initiative %d", where, i+1), known)...)
	}
	return errs
}

func (in Initiative) validate(where string, known map[ThemeID]bool) []error {
	var errs []error
	errs = append(errs, checkText(where, "Title", in.Title)...)
	errs = append(errs, checkText(where, "Summary", in.Summary)...)

	var start time.Time
	if in.Date != "" {
		d, err := parseDate(in.Date)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: Date %q %v", where, in.Date, err))
		}
		start = d
	}
	if in.EndDate != "" {
		end, err := parseDate(in.EndDate)
		switch {
		case err != nil:
			errs = append(errs, fmt.Errorf("%s: EndDate %q %v", where, in.EndDate, err))
		case in.Date == "":
			errs = append(errs, fmt.Errorf("%s: EndDate %q is set without a Date", where, in.EndDate))
		case !start.IsZero() && end.Before(start):
			errs = append(errs, fmt.Errorf("%s: EndDate %q is before Date %q", where, in.EndDate, in.Date))
		}
	}

	if len(in.Themes) == 0 {
		errs = append(errs, fmt.Errorf("%s: Themes is empty", where))
	}
	seen := make(map[ThemeID]bool, len(in.Themes))
	for j, id := range in.Themes {
		switch {
		case !known[id]:
			errs = append(errs, fmt.Errorf("%s: Themes[%d] %q is not a known theme", where, j, id))
		case seen[id]:
			errs = append(errs, fmt.Errorf("%s: Themes[%d] %q is listed twice", where, j, id))
		}
		seen[id] = true
	}

	for j, f := range in.Figures {
		fwhere := fmt.Sprintf("%s: figure %d", where, j+1)
		switch {
		case f.Value == "":
			errs = append(errs, fmt.Errorf("%s: Value is empty", fwhere))
		case strings.TrimSpace(f.Value) != f.Value:
			errs = append(errs, fmt.Errorf("%s: Value %q has leading or trailing whitespace", fwhere, f.Value))
		}
		if f.En == "" && !readsAsEnglish(f.Value) {
			errs = append(errs, fmt.Errorf("%s: En is empty, but Value %q does not read as English", fwhere, f.Value))
		}
		if f.En != "" {
			errs = append(errs, checkString(fwhere, "En", f.En)...)
		}
		errs = append(errs, checkText(fwhere, "Label", f.Label)...)
	}

	if len(in.Quotes) == 0 {
		errs = append(errs, fmt.Errorf("%s: Quotes is empty", where))
	}
	for j, q := range in.Quotes {
		errs = append(errs, checkString(where, fmt.Sprintf("Quotes[%d]", j), q)...)
	}
	return errs
}

// parseDate parses a YYYY-MM-DD date. Its error reads after the quoted value,
// as in `Date "2024-02-30" is not a real date`.
func parseDate(s string) (time.Time, error) {
	if len(s) != len(dateLayout) {
		return time.Time{}, errors.New("is not in YYYY-MM-DD form")
	}
	d, err := time.Parse(dateLayout, s)
	if err != nil {
		var pe *time.ParseError
		if errors.As(err, &pe) && strings.Contains(pe.Message, "out of range") {
			return time.Time{}, errors.New("is not a real date")
		}
		return time.Time{}, errors.New("is not in YYYY-MM-DD form")
	}
	return d, nil
}

// checkText reports an empty language or stray whitespace in t, naming the
// field as field.Zh or field.En.
func checkText(where, field string, t Text) []error {
	var errs []error
	for _, l := range Langs {
		errs = append(errs, checkString(where, field+"."+langField(l), t.In(l))...)
	}
	return errs
}

// checkString reports an empty string s, stray whitespace or characters the
// markup cannot carry, naming the field.
func checkString(where, name, s string) []error {
	switch {
	case s == "":
		return []error{fmt.Errorf("%s: %s is empty", where, name)}
	case strings.TrimSpace(s) != s:
		return []error{fmt.Errorf("%s: %s has leading or trailing whitespace", where, name)}
	case strings.ContainsAny(s, "\"<>"):
		// Typographic quotes read better, and the text lands in HTML
		// attributes (descriptions, labels) that go-app cannot escape.
		return []error{fmt.Errorf("%s: %s contains an ASCII \", < or >; use “ ” or ‘ ’", where, name)}
	case strings.ContainsAny(s, "\r\n"):
		// The components drop go-app's newlines from their markup
		// (components/static.go): a line break in the text would go too.
		return []error{fmt.Errorf("%s: %s contains a line break", where, name)}
	}
	return nil
}

// langField is the Text field name for l.
func langField(l Lang) string {
	if l == En {
		return "En"
	}
	return "Zh"
}

// validID reports whether s is a non-empty id of lower-case ASCII letters and
// digits, with single hyphens inside.
func validID(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		if (b < 'a' || b > 'z') && (b < '0' || b > '9') && b != '-' {
			return false
		}
	}
	return true
}

// validateSource checks the article credit.
func validateSource(a Article) error {
	where := "data: Source"
	var errs []error
	errs = append(errs, checkText(where, "Headline", a.Headline)...)
	errs = append(errs, checkText(where, "Subheadline", a.Subheadline)...)
	errs = append(errs, checkText(where, "Note", a.Note)...)
	if a.Year < 1 {
		errs = append(errs, fmt.Errorf("%s: Year %d is not a year", where, a.Year))
	}
	return errors.Join(errs...)
}
