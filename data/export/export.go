// Package export turns the content of package data into the files a reader
// can download ("下载数据 / Get the data"): every initiative the article
// reports, one row each, as CSV and as JSON, and the 13 simplified city
// boundaries the map draws, as GeoJSON. cmd/static writes them into the
// built site (WriteFiles); the tests parse them back and compare them with
// package data.
//
// It is not part of package data, so that the WebAssembly app, which
// imports data, links no CSV or JSON encoder for it.
package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/jiangsu-map/jsmap/data"
)

// Text is a string in both languages, as JSON: {"zh": …, "en": …}.
type Text struct {
	Zh string `json:"zh"`
	En string `json:"en"`
}

func text(t data.Text) Text { return Text{Zh: t.Zh, En: t.En} }

// Figure is a figure of an initiative: Value verbatim from the article,
// ValueEn as the English pages show it (data.Figure.In), Label what it is.
type Figure struct {
	Value   string `json:"value"`
	ValueEn string `json:"value_en"`
	Label   Text   `json:"label"`
}

// Row is one initiative with its city, as the downloads carry it.
type Row struct {
	// ID is the city's id and the initiative's place in the city's list,
	// from 1: "yangzhou-4". It is stable as long as the content is.
	ID       string `json:"id"`
	CityID   string `json:"city_id"`
	CityName Text   `json:"city_name"`
	// Status is the city's standing in the article: "trillion" or "aspiring".
	Status string `json:"status"`
	// Date and EndDate are YYYY-MM-DD, or "" when the article gives none.
	Date    string   `json:"date"`
	EndDate string   `json:"end_date"`
	Title   Text     `json:"title"`
	Summary Text     `json:"summary"`
	Themes  []string `json:"themes"`
	Figures []Figure `json:"figures"`
	// Quotes are the article's sentences behind the initiative, verbatim.
	Quotes         []string `json:"quotes"`
	SourceHeadline string   `json:"source_headline"`
}

// StatusName is the name of a city status in the downloads.
func StatusName(s data.Status) string {
	switch s {
	case data.Trillion:
		return "trillion"
	case data.Aspiring:
		return "aspiring"
	}
	return "not-covered"
}

// Rows returns every initiative of every city, in the map's display order.
func Rows() []Row {
	var rows []Row
	for _, c := range data.Cities() {
		for i, in := range c.Initiatives {
			r := Row{
				ID:             c.ID + "-" + strconv.Itoa(i+1),
				CityID:         c.ID,
				CityName:       text(c.Name),
				Status:         StatusName(c.Status),
				Date:           in.Date,
				EndDate:        in.EndDate,
				Title:          text(in.Title),
				Summary:        text(in.Summary),
				Themes:         []string{},
				Figures:        []Figure{},
				Quotes:         append([]string{}, in.Quotes...),
				SourceHeadline: data.Source.Headline.Zh,
			}
			for _, t := range in.Themes {
				r.Themes = append(r.Themes, string(t))
			}
			for _, f := range in.Figures {
				r.Figures = append(r.Figures, Figure{Value: f.Value, ValueEn: f.In(data.En), Label: text(f.Label)})
			}
			rows = append(rows, r)
		}
	}
	return rows
}

// Theme is a theme id with its names.
type Theme struct {
	ID   string `json:"id"`
	Name Text   `json:"name"`
}

// Source credits the article, as JSON.
type Source struct {
	Headline    Text `json:"headline"`
	Subheadline Text `json:"subheadline"`
	Year        int  `json:"year"`
	Note        Text `json:"note"`
}

// Document is the whole of initiatives.json.
type Document struct {
	Source      Source  `json:"source"`
	Themes      []Theme `json:"themes"`
	Initiatives []Row   `json:"initiatives"`
}

// JSON returns initiatives.json: the source, the theme names (the rows name
// themes by id) and every row.
func JSON() []byte {
	doc := Document{
		Source: Source{
			Headline:    text(data.Source.Headline),
			Subheadline: text(data.Source.Subheadline),
			Year:        data.Source.Year,
			Note:        text(data.Source.Note),
		},
		Initiatives: Rows(),
	}
	for _, t := range data.Themes() {
		doc.Themes = append(doc.Themes, Theme{ID: string(t.ID), Name: text(t.Name)})
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		panic(err) // plain strings and slices always marshal
	}
	return append(b, '\n')
}

// CSVHeader names the columns of initiatives.csv. A cell that holds a
// list (themes, figures, quotes) has one item per line; the figure columns
// have the same number of lines, the n-th line of each describing the
// n-th figure.
var CSVHeader = []string{
	"id", "city_id", "city_zh", "city_en", "status", "date", "end_date",
	"title_zh", "title_en", "summary_zh", "summary_en",
	"themes", "themes_zh", "themes_en",
	"figure_values", "figure_values_en", "figure_labels_zh", "figure_labels_en",
	"quotes", "source_headline",
}

// bom starts the CSV file so that Excel reads it as UTF-8 (without it,
// Excel on Windows shows the Chinese as mojibake).
const bom = "\uFEFF"

// CSV returns initiatives.csv: UTF-8 with a byte-order mark, CRLF line
// ends (RFC 4180), the header CSVHeader, then one row per initiative.
func CSV() []byte {
	var b bytes.Buffer
	b.WriteString(bom)
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	w.Write(CSVHeader)
	for _, r := range Rows() {
		var zh, en, values, valuesEn, labelsZh, labelsEn []string
		for _, id := range r.Themes {
			t, _ := data.ThemeByID(data.ThemeID(id))
			zh = append(zh, t.Name.Zh)
			en = append(en, t.Name.En)
		}
		for _, f := range r.Figures {
			values = append(values, f.Value)
			valuesEn = append(valuesEn, f.ValueEn)
			labelsZh = append(labelsZh, f.Label.Zh)
			labelsEn = append(labelsEn, f.Label.En)
		}
		w.Write([]string{
			r.ID, r.CityID, r.CityName.Zh, r.CityName.En, r.Status, r.Date, r.EndDate,
			r.Title.Zh, r.Title.En, r.Summary.Zh, r.Summary.En,
			lines(r.Themes), lines(zh), lines(en),
			lines(values), lines(valuesEn), lines(labelsZh), lines(labelsEn),
			lines(r.Quotes), r.SourceHeadline,
		})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		panic(err) // writing to a bytes.Buffer does not fail
	}
	return b.Bytes()
}

// lines joins a cell's list items, one per line.
func lines(items []string) string { return strings.Join(items, "\n") }
