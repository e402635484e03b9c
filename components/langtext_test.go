package components

import (
	"reflect"
	"testing"
)

func TestSplitHan(t *testing.T) {
	tests := []struct {
		in   string
		want []run
	}{
		{"plain English", []run{{"plain English", false}}},
		{"苏州", []run{{"苏州", true}}},
		{"Party Secretary Song Lewei (宋乐伟) stressed", []run{{"Party Secretary Song Lewei (", false}, {"宋乐伟", true}, {") stressed", false}}},
		{"the slogan “2025年GDP力争破万亿” (strive)", []run{{"the slogan “2025", false}, {"年GDP力争破万亿", true}, {"” (strive)", false}}},
		{"Plan (《扬州市2024年专精特新企业内培外引行动方案》).", []run{{"Plan (", false}, {"《扬州市2024年专精特新企业内培外引行动方案》", true}, {").", false}}},
		{"低（零）碳产业园 parks", []run{{"低（零）碳产业园", true}, {" parks", false}}},
		{"", nil},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := splitHan(tc.in); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("splitHan(%q) = %+v, want %+v", tc.in, got, tc.want)
			}
		})
	}
}
