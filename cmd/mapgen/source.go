package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/paulmach/orb"
)

// cities lists the 13 cities in output order: stable id, source file name
// (pinyin with tone digits) and the Chinese name in the feature's "name".
var cities = []struct{ id, file, name string }{
	{"nanjing", "jiang1_su1_nan2_jing1", "南京"},
	{"wuxi", "jiang1_su1_wu2_xi2", "无锡"},
	{"xuzhou", "jiang1_su1_xu2_zhou1", "徐州"},
	{"changzhou", "jiang1_su1_chang2_zhou1", "常州"},
	{"suzhou", "jiang1_su1_su1_zhou1", "苏州"},
	{"nantong", "jiang1_su1_nan2_tong1", "南通"},
	{"lianyungang", "jiang1_su1_lian2_yun2_gang3", "连云港"},
	{"huaian", "jiang1_su1_huai2_an1", "淮安"},
	{"yancheng", "jiang1_su1_yan2_cheng2", "盐城"},
	{"yangzhou", "jiang1_su1_yang2_zhou1", "扬州"},
	{"zhenjiang", "jiang1_su1_zhen4_jiang1", "镇江"},
	{"taizhou", "jiang1_su1_tai4_zhou1", "泰州"},
	{"suqian", "jiang1_su1_su4_qian1", "宿迁"},
}

// cityGeom is a city's outline in longitude/latitude.
type cityGeom struct {
	id    string
	shape orb.MultiPolygon
}

// featureCollection is the part of a GeoJSON FeatureCollection mapgen reads.
// Coordinates decode straight into orb types. (orb/geojson would do the same
// but pulls a BSON module into go.mod.)
type featureCollection struct {
	Type     string `json:"type"`
	Features []struct {
		Properties struct {
			Name string `json:"name"`
		} `json:"properties"`
		Geometry struct {
			Type        string          `json:"type"`
			Coordinates json.RawMessage `json:"coordinates"`
		} `json:"geometry"`
	} `json:"features"`
}

// loadCities reads the 13 city files from dir.
func loadCities(dir string) ([]cityGeom, error) {
	var out []cityGeom
	for _, c := range cities {
		path := filepath.Join(dir, c.file+".geojson")
		mp, err := readCity(path, c.name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", c.id, err)
		}
		out = append(out, cityGeom{id: c.id, shape: mp})
	}
	return out, nil
}

// readCity reads the polygons of the features named name in a GeoJSON file.
func readCity(path, name string) (orb.MultiPolygon, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var fc featureCollection
	if err := json.Unmarshal(raw, &fc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if fc.Type != "FeatureCollection" {
		return nil, fmt.Errorf("%s: got type %q, want FeatureCollection", path, fc.Type)
	}
	var mp orb.MultiPolygon
	for _, f := range fc.Features {
		if f.Properties.Name != name {
			return nil, fmt.Errorf("%s: got feature name %q, want %q", path, f.Properties.Name, name)
		}
		switch f.Geometry.Type {
		case "Polygon":
			var p orb.Polygon
			if err := json.Unmarshal(f.Geometry.Coordinates, &p); err != nil {
				return nil, fmt.Errorf("%s: %w", path, err)
			}
			mp = append(mp, p)
		case "MultiPolygon":
			var m orb.MultiPolygon
			if err := json.Unmarshal(f.Geometry.Coordinates, &m); err != nil {
				return nil, fmt.Errorf("%s: %w", path, err)
			}
			mp = append(mp, m...)
		default:
			return nil, fmt.Errorf("%s: unsupported geometry type %q", path, f.Geometry.Type)
		}
	}
	if len(mp) == 0 {
		return nil, fmt.Errorf("%s: no polygons", path)
	}
	return mp, nil
}
